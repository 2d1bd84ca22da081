using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace OutlookInterviewAddin.Manifest;

/// <summary>
/// The unified manifest for Microsoft 365 (manifest version 1.29, an app package with its icons),
/// for admins who deploy through the Microsoft 365 admin center. It is written from the rendered
/// add-in-only XML manifest, so the two can never disagree: the same id, names, buttons, tips,
/// pane address, sign-in registration and send check. Outlook on Mac and mobile do not read it:
/// the XML manifest stays the primary one.
/// </summary>
public static class UnifiedManifestRenderer
{
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json";

    /// <summary>A short description (at most 80 characters) for the admin center's list.</summary>
    public const string ShortDescription = "Plan, request, hold and follow up informational interviews from Outlook.";

    private const string PaneAction = "OpenPane";
    private const string SendCheckAction = "onAppointmentSendHandler";

    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Overrides11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // The XML manifest's command surfaces and the unified manifest's ribbon contexts.
    private static readonly Dictionary<string, string> Contexts = new(StringComparer.Ordinal)
    {
        ["MessageReadCommandSurface"] = "mailRead",
        ["MessageComposeCommandSurface"] = "mailCompose",
        ["AppointmentOrganizerCommandSurface"] = "meetingDetailsOrganizer",
        ["AppointmentAttendeeCommandSurface"] = "meetingDetailsAttendee",
    };

    private static readonly Dictionary<string, string> LaunchEvents = new(StringComparer.Ordinal)
    {
        ["OnAppointmentSend"] = "appointmentSend",
        ["OnMessageSend"] = "messageSend",
    };

    /// <summary>manifest.json for a rendered XML manifest (see <see cref="ManifestRenderer.Render"/>).</summary>
    public static JsonObject Render(XDocument xml, Uri publicBaseUrl)
    {
        var root = xml.Root!;
        var overrides = root.Descendants(Overrides11 + "VersionOverrides").Single();
        string Resource(string id) =>
            overrides.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == id && e.Attribute("DefaultValue") is not null)?.Attribute("DefaultValue")!.Value
            ?? throw new InvalidOperationException($"The manifest names a resource '{id}' it does not define.");
        string ResidOf(XElement element, XName child) => (string)element.Element(child)!.Attribute("resid")!;

        var baseUrl = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var displayName = (string)root.Element(App + "DisplayName")!.Attribute("DefaultValue")!;
        var provider = root.Element(App + "ProviderName")!.Value.Trim();
        var version = string.Join('.', root.Element(App + "Version")!.Value.Trim().Split('.').Take(3));
        var minimum = (string?)overrides.Element(Overrides11 + "Requirements")?.Element(Bt + "Sets")?.Attribute("DefaultMinVersion") ?? "1.1";

        var ribbons = new JsonArray();
        foreach (var surface in overrides.Descendants(Overrides11 + "ExtensionPoint"))
        {
            if (!Contexts.TryGetValue(TypeOf(surface), out var context))
                continue;
            var groups = new JsonArray();
            foreach (var group in surface.Descendants(Overrides11 + "Group"))
            {
                var controls = new JsonArray();
                foreach (var control in group.Elements(Overrides11 + "Control"))
                {
                    var supertip = control.Element(Overrides11 + "Supertip")!;
                    controls.Add(new JsonObject
                    {
                        ["id"] = (string)control.Attribute("id")!,
                        ["type"] = "button",
                        ["label"] = Resource(ResidOf(control, Overrides11 + "Label")),
                        ["icons"] = Icons(control.Element(Overrides11 + "Icon")!, Resource),
                        ["supertip"] = new JsonObject
                        {
                            ["title"] = Resource(ResidOf(supertip, Overrides11 + "Title")),
                            ["description"] = Resource(ResidOf(supertip, Overrides11 + "Description")),
                        },
                        ["actionId"] = PaneAction,
                    });
                }
                groups.Add(new JsonObject
                {
                    ["id"] = (string)group.Attribute("id")!,
                    ["label"] = Resource(ResidOf(group, Overrides11 + "Label")),
                    ["icons"] = Icons(group.Descendants(Overrides11 + "Icon").First(), Resource),
                    ["controls"] = controls,
                });
            }
            ribbons.Add(new JsonObject
            {
                ["contexts"] = new JsonArray(context),
                ["tabs"] = new JsonArray(new JsonObject { ["builtInTabId"] = "TabDefault", ["groups"] = groups }),
            });
        }

        var paneUrl = Resource("Pane.Url");
        var runtimes = new JsonArray(new JsonObject
        {
            ["id"] = "TaskPaneRuntime",
            ["type"] = "general",
            ["code"] = new JsonObject { ["page"] = paneUrl },
            ["lifetime"] = "short",
            ["actions"] = new JsonArray(new JsonObject { ["id"] = PaneAction, ["type"] = "openPage", ["pinnable"] = true }),
        });
        var extension = new JsonObject
        {
            ["requirements"] = Requirements(minimum),
            ["runtimes"] = runtimes,
            ["ribbons"] = ribbons,
        };

        var launch = overrides.Descendants(Overrides11 + "LaunchEvent").ToList();
        if (launch.Count > 0)
        {
            var runtime = overrides.Descendants(Overrides11 + "Runtime").Single();
            var events = new JsonArray();
            var actions = new JsonArray();
            foreach (var e in launch)
            {
                var function = (string)e.Attribute("FunctionName")!;
                var sendMode = (string?)e.Attribute("SendMode");
                var item = new JsonObject { ["type"] = LaunchEvents[(string)e.Attribute("Type")!], ["actionId"] = function };
                if (sendMode is not null)
                    item["options"] = new JsonObject { ["sendMode"] = char.ToLowerInvariant(sendMode[0]) + sendMode[1..] };
                events.Add(item);
                actions.Add(new JsonObject { ["id"] = function, ["type"] = "executeFunction" });
            }
            runtimes.Add(new JsonObject
            {
                ["requirements"] = Requirements("1.12"),
                ["id"] = "SendCheckRuntime",
                ["type"] = "general",
                ["code"] = new JsonObject
                {
                    ["page"] = Resource((string)runtime.Attribute("resid")!),
                    ["script"] = Resource((string)runtime.Element(Overrides11 + "Override")!.Attribute("resid")!),
                },
                ["lifetime"] = "short",
                ["actions"] = actions,
            });
            extension["autoRunEvents"] = new JsonArray(new JsonObject { ["requirements"] = Requirements("1.12"), ["events"] = events });
        }

        var manifest = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = "1.29",
            ["version"] = version,
            ["id"] = root.Element(App + "Id")!.Value.Trim(),
            ["name"] = new JsonObject { ["short"] = Shorten(displayName, 30), ["full"] = Shorten(displayName, 100) },
            ["description"] = new JsonObject
            {
                ["short"] = ShortDescription,
                ["full"] = Shorten((string)root.Element(App + "Description")!.Attribute("DefaultValue")!, 4000),
            },
            ["developer"] = new JsonObject
            {
                ["name"] = Shorten(provider, 32),
                ["websiteUrl"] = baseUrl + "/",
                ["privacyUrl"] = baseUrl + "/",
                ["termsOfUseUrl"] = baseUrl + "/",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#0F6CBD",
            ["localizationInfo"] = new JsonObject { ["defaultLanguageTag"] = "en-us" },
            ["authorization"] = new JsonObject
            {
                ["permissions"] = new JsonObject
                {
                    // ReadWriteItem in the XML manifest.
                    ["resourceSpecific"] = new JsonArray(new JsonObject { ["name"] = "MailboxItem.ReadWrite.User", ["type"] = "Delegated" }),
                },
            },
            ["validDomains"] = new JsonArray(publicBaseUrl.Authority),
        };
        var signIn = overrides.Element(Overrides11 + "WebApplicationInfo");
        if (signIn is not null)
        {
            manifest["webApplicationInfo"] = new JsonObject
            {
                ["id"] = signIn.Element(Overrides11 + "Id")!.Value.Trim(),
                ["resource"] = signIn.Element(Overrides11 + "Resource")!.Value.Trim(),
            };
        }
        manifest["extensions"] = new JsonArray(extension);
        return manifest;
    }

    /// <summary>The app package an admin uploads: manifest.json, color.png (192 px) and outline.png (32 px).</summary>
    public static byte[] Package(JsonObject manifest, byte[] colorIcon, byte[] outlineIcon)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
            Add("manifest.json", ToUtf8(manifest));
            Add("color.png", colorIcon);
            Add("outline.png", outlineIcon);
        }
        return buffer.ToArray();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] ToUtf8(JsonObject manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Indented);

    private static JsonObject Requirements(string minimumMailbox) => new()
    {
        ["scopes"] = new JsonArray("mail"),
        ["capabilities"] = new JsonArray(new JsonObject { ["name"] = "Mailbox", ["minVersion"] = minimumMailbox }),
    };

    private static JsonArray Icons(XElement icon, Func<string, string> resource) =>
        [.. icon.Elements(Bt + "Image").Select(image => (JsonNode)new JsonObject
        {
            ["size"] = int.Parse((string)image.Attribute("size")!, System.Globalization.CultureInfo.InvariantCulture),
            ["url"] = resource((string)image.Attribute("resid")!),
        })];

    private static string TypeOf(XElement element) => ((string?)element.Attribute(Xsi + "type") ?? "").Split(':')[^1];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max - 1)].TrimEnd(',', ';', ':') + "…";
}
