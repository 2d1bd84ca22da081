using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>
/// The offline checks for an Outlook add-in-only XML manifest, since Microsoft's online validator
/// cannot be reached: the schema's element order and required elements for a MailApp, a GUID id,
/// resource references, string limits, https everywhere, and what this product needs (the four
/// pane buttons, the Mailbox 1.8 floor, permissions no broader than ReadWriteItem). Each check
/// returns the problems it finds, worded so a failing test says what to fix.
/// </summary>
internal static partial class ManifestRules
{
    public static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    public static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    public static readonly XNamespace Vo10 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    public static readonly XNamespace Vo11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const int ShortStringLimit = 125;
    public const int LongStringLimit = 250;
    private const int ResourceIdLimit = 32;

    public static readonly string[] PaneSurfaces =
        ["MessageReadCommandSurface", "MessageComposeCommandSurface", "AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"];

    private static readonly string[] AllowedPermissions = ["Restricted", "ReadItem", "ReadWriteItem"];

    private sealed record Slot(string Name, bool Required = false, bool Repeats = false);

    // The schema's sequence for a MailApp (OfficeApp base type, then the MailApp extension).
    private static readonly Slot[] OfficeAppSequence =
    [
        new("Id", Required: true), new("AlternateId"), new("Version", Required: true), new("ProviderName", Required: true),
        new("DefaultLocale", Required: true), new("DisplayName", Required: true), new("Description", Required: true),
        new("IconUrl"), new("HighResolutionIconUrl"), new("SupportUrl"), new("AppDomains"), new("Hosts"),
        new("Requirements", Required: true), new("FormSettings", Required: true), new("Permissions"),
        new("Rule", Required: true), new("DisableEntityHighlighting"), new("VersionOverrides"),
    ];

    private static readonly Slot[] VersionOverrides10Sequence =
        [new("Description"), new("Requirements"), new("Hosts"), new("Resources"), new("VersionOverrides")];

    private static readonly Slot[] VersionOverrides11Sequence =
    [
        new("Description"), new("Requirements"), new("Hosts"), new("Resources"), new("WebApplicationInfo"),
        new("EquivalentAddins"), new("ConnectedServiceControls"), new("ExtendedPermissions"),
    ];

    private static readonly Slot[] ResourcesSequence = [new("Images"), new("Urls"), new("ShortStrings"), new("LongStrings")];
    private static readonly Slot[] MailHostSequence = [new("Runtimes"), new("DesktopFormFactor"), new("MobileFormFactor")];
    private static readonly Slot[] DesktopFormFactorSequence =
        [new("SupportsSharedFolders"), new("FunctionFile"), new("ExtensionPoint", Required: true, Repeats: true)];
    private static readonly Slot[] GroupSequence = [new("Label", Required: true), new("Tooltip"), new("Control", Required: true, Repeats: true)];
    private static readonly Slot[] ButtonSequence =
        [new("Label", Required: true), new("Supertip", Required: true), new("Icon", Required: true), new("Action", Required: true)];
    private static readonly Slot[] SupertipSequence = [new("Title", Required: true), new("Description", Required: true)];
    private static readonly Slot[] ShowTaskpaneSequence =
        [new("SourceLocation", Required: true), new("SupportsPinning"), new("SupportsNoItemContext"), new("SupportsMultiSelect")];
    private static readonly Slot[] WebApplicationInfoSequence = [new("Id", Required: true), new("Resource", Required: true), new("Scopes", Required: true)];
    private static readonly Slot[] ItemReadSettingsSequence = [new("SourceLocation", Required: true), new("RequestedHeight", Required: true)];
    private static readonly Slot[] ItemEditSettingsSequence = [new("SourceLocation", Required: true)];

    /// <summary>Every problem found in the manifest itself; empty when it passes.</summary>
    public static IReadOnlyList<string> Check(XDocument manifest)
    {
        var problems = new List<string>();
        var root = manifest.Root!;
        if (root.Name != App + "OfficeApp")
        {
            problems.Add($"The root element is {root.Name}, not OfficeApp in {App}.");
            return problems;
        }
        if (TypeOf(root) != "MailApp") problems.Add($"The root's xsi:type is '{TypeOf(root)}', not MailApp.");

        CheckSequence(root, OfficeAppSequence, problems);
        CheckIdentity(root, problems);
        CheckRequirementsAndPermissions(root, problems);
        CheckForms(root, problems);
        CheckVersionOverrides(root, problems);
        CheckResources(manifest, problems);
        CheckUrls(manifest, problems);
        CheckPaneButtons(manifest, problems);
        CheckWebApplicationInfo(manifest, problems);
        return problems;
    }

    /// <summary>Every URL the manifest points Outlook at (pane pages, icons, support page, app domains).</summary>
    public static IReadOnlyList<string> Urls(XDocument manifest)
    {
        var root = manifest.Root!;
        var urlElements = new[] { "IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation" };
        var topLevel = root.Descendants()
            .Where(e => e.Name.Namespace == App && urlElements.Contains(e.Name.LocalName))
            .SelectMany(e => e.Attributes("DefaultValue").Concat(e.Elements(App + "Override").Attributes("Value")))
            .Select(a => a.Value);
        var appDomains = root.Descendants(App + "AppDomain").Select(e => e.Value.Trim());
        var resources = root.Descendants()
            .Where(e => e.Parent?.Name == Bt + "Images" || e.Parent?.Name == Bt + "Urls")
            .SelectMany(e => e.Attributes("DefaultValue").Concat(e.Elements(Bt + "Override").Attributes("Value")))
            .Select(a => a.Value);
        return topLevel.Concat(appDomains).Concat(resources).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every icon with the pixel size the manifest declares for it (64 for IconUrl, 128 for HighResolutionIconUrl, the size attribute for button images).</summary>
    public static IReadOnlyList<(string Url, int Size)> Icons(XDocument manifest)
    {
        var root = manifest.Root!;
        var icons = new List<(string, int)>();
        foreach (var (name, size) in new[] { ("IconUrl", 64), ("HighResolutionIconUrl", 128) })
            if (root.Element(App + name)?.Attribute("DefaultValue")?.Value is { } url) icons.Add((url, size));

        var images = ResourceValues(manifest, "Images");
        foreach (var reference in root.Descendants(Bt + "Image").Where(e => e.Attribute("resid") is not null))
        {
            if (int.TryParse(reference.Attribute("size")?.Value, out var size) && images.TryGetValue(reference.Attribute("resid")!.Value, out var url))
                icons.Add((url, size));
        }
        return icons.Distinct().ToList();
    }

    /// <summary>Problems with the icons' pixels: each must be a PNG whose IHDR says exactly the declared size.</summary>
    public static async Task<IReadOnlyList<string>> CheckIconsAsync(XDocument manifest, Func<string, Task<byte[]?>> load)
    {
        var problems = new List<string>();
        foreach (var (url, size) in Icons(manifest))
        {
            var bytes = await load(url);
            if (bytes is null)
            {
                problems.Add($"The icon {url} (declared {size}x{size}) does not exist.");
                continue;
            }
            var actual = PngSize.Read(bytes);
            if (actual is null) problems.Add($"The icon {url} is not a PNG.");
            else if (actual.Value.Width != size || actual.Value.Height != size)
                problems.Add($"The icon {url} is {actual.Value.Width}x{actual.Value.Height} but is declared as {size}x{size}.");
        }
        return problems;
    }

    private static void CheckIdentity(XElement root, List<string> problems)
    {
        var id = root.Element(App + "Id")?.Value.Trim();
        if (id is not null && !Guid.TryParseExact(id, "D", out _))
            problems.Add($"Id '{id}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        var version = root.Element(App + "Version")?.Value.Trim();
        if (version is not null && !VersionPattern().IsMatch(version))
            problems.Add($"Version '{version}' is not one to four dot-separated numbers such as 1.0.0.0.");

        CheckLength(root.Element(App + "ProviderName")?.Value, "ProviderName", ShortStringLimit, problems);
        CheckLocaleAware(root.Element(App + "DisplayName"), "DisplayName", ShortStringLimit, problems);
        CheckLocaleAware(root.Element(App + "Description"), "Description", LongStringLimit, problems);
    }

    private static void CheckRequirementsAndPermissions(XElement root, List<string> problems)
    {
        var sets = root.Element(App + "Requirements")?.Element(App + "Sets");
        var mailbox = sets?.Elements(App + "Set").FirstOrDefault(s => s.Attribute("Name")?.Value == "Mailbox");
        if (mailbox is null)
        {
            problems.Add("Requirements has no Mailbox set: declare <Set Name=\"Mailbox\" MinVersion=\"1.8\"/>.");
        }
        else
        {
            var floor = mailbox.Attribute("MinVersion")?.Value ?? sets!.Attribute("DefaultMinVersion")?.Value ?? "1.1";
            if (!Version.TryParse(floor, out var minimum) || minimum < new Version(1, 8))
                problems.Add($"The Mailbox requirement is {floor}, below 1.8, the newest set the pane calls (addFileAttachmentFromBase64Async, categories).");
        }

        var permissions = root.Element(App + "Permissions")?.Value.Trim();
        if (permissions is not null && !AllowedPermissions.Contains(permissions))
            problems.Add($"Permissions '{permissions}' is broader than ReadWriteItem, which is all the pane needs.");
    }

    private static void CheckForms(XElement root, List<string> problems)
    {
        foreach (var form in root.Element(App + "FormSettings")?.Elements(App + "Form") ?? [])
        {
            var desktop = form.Element(App + "DesktopSettings");
            if (desktop is null)
            {
                problems.Add($"Form {TypeOf(form)} has no DesktopSettings.");
                continue;
            }
            CheckSequence(desktop, TypeOf(form) == "ItemRead" ? ItemReadSettingsSequence : ItemEditSettingsSequence, problems);
        }
    }

    private static void CheckVersionOverrides(XElement root, List<string> problems)
    {
        var outer = root.Element(Vo10 + "VersionOverrides");
        if (outer is null)
        {
            problems.Add("There is no VersionOverrides (mailappversionoverrides, VersionOverridesV1_0): no buttons would appear.");
            return;
        }
        if (TypeOf(outer) != "VersionOverridesV1_0") problems.Add($"The outer VersionOverrides has xsi:type '{TypeOf(outer)}', not VersionOverridesV1_0.");
        CheckSequence(outer, VersionOverrides10Sequence, problems);

        var inner = outer.Element(Vo11 + "VersionOverrides");
        if (inner is null)
        {
            problems.Add("The outer VersionOverrides holds no nested VersionOverridesV1_1 (mailappversionoverrides/1.1), where WebApplicationInfo lives.");
            return;
        }
        if (TypeOf(inner) != "VersionOverridesV1_1") problems.Add($"The nested VersionOverrides has xsi:type '{TypeOf(inner)}', not VersionOverridesV1_1.");
        CheckSequence(inner, VersionOverrides11Sequence, problems);
        if (inner.Element(Vo11 + "Resources") is { } resources) CheckSequence(resources, ResourcesSequence, problems);

        foreach (var host in inner.Descendants(Vo11 + "Host")) CheckSequence(host, MailHostSequence, problems);
        foreach (var formFactor in inner.Descendants(Vo11 + "DesktopFormFactor")) CheckSequence(formFactor, DesktopFormFactorSequence, problems);
        foreach (var group in inner.Descendants(Vo11 + "Group")) CheckSequence(group, GroupSequence, problems);
        foreach (var button in inner.Descendants(Vo11 + "Control").Where(c => TypeOf(c) == "Button")) CheckSequence(button, ButtonSequence, problems);
        foreach (var tip in inner.Descendants(Vo11 + "Supertip")) CheckSequence(tip, SupertipSequence, problems);
        foreach (var action in inner.Descendants(Vo11 + "Action").Where(a => TypeOf(a) == "ShowTaskpane")) CheckSequence(action, ShowTaskpaneSequence, problems);
        if (inner.Element(Vo11 + "WebApplicationInfo") is { } info) CheckSequence(info, WebApplicationInfoSequence, problems);

        var ids = inner.Descendants().Where(e => e.Name.LocalName is "Group" or "Control").Select(e => e.Attribute("id")?.Value ?? "");
        foreach (var duplicate in ids.GroupBy(id => id).Where(g => g.Count() > 1))
            problems.Add($"The group or control id '{duplicate.Key}' is used {duplicate.Count()} times; ids must be unique.");
    }

    private static void CheckResources(XDocument manifest, List<string> problems)
    {
        var kinds = new Dictionary<string, Dictionary<string, string>>
        {
            ["Images"] = ResourceValues(manifest, "Images"),
            ["Urls"] = ResourceValues(manifest, "Urls"),
            ["ShortStrings"] = ResourceValues(manifest, "ShortStrings"),
            ["LongStrings"] = ResourceValues(manifest, "LongStrings"),
        };

        foreach (var (kind, limit) in new[] { ("ShortStrings", ShortStringLimit), ("LongStrings", LongStringLimit) })
        {
            foreach (var text in manifest.Descendants(Bt + kind).Elements(Bt + "String"))
                CheckLocaleAware(text, $"{kind} '{text.Attribute("id")?.Value}'", limit, problems);
        }

        foreach (var definition in manifest.Descendants().Where(e => e.Parent?.Parent?.Name.LocalName == "Resources" && e.Attribute("id") is not null))
        {
            var id = definition.Attribute("id")!.Value;
            if (id.Length > ResourceIdLimit) problems.Add($"The resource id '{id}' is longer than {ResourceIdLimit} characters.");
        }
        foreach (var (kind, values) in kinds)
        {
            var duplicates = manifest.Descendants(Bt + kind).Elements().Select(e => e.Attribute("id")?.Value).GroupBy(id => id).Where(g => g.Count() > 1);
            foreach (var duplicate in duplicates) problems.Add($"The resource id '{duplicate.Key}' is defined {duplicate.Count()} times in {kind}.");
        }

        foreach (var reference in manifest.Descendants().Where(e => e.Attribute("resid") is not null))
        {
            var resid = reference.Attribute("resid")!.Value;
            var kind = reference.Name.LocalName switch
            {
                "Image" => "Images",
                "Label" or "Title" or "Tooltip" => "ShortStrings",
                "Description" => "LongStrings",
                _ => "Urls",
            };
            if (!kinds[kind].ContainsKey(resid))
                problems.Add($"<{reference.Name.LocalName} resid=\"{resid}\"> names no resource in {kind}.");
        }
    }

    private static void CheckUrls(XDocument manifest, List<string> problems)
    {
        foreach (var url in Urls(manifest))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) problems.Add($"'{url}' is not an absolute URL.");
            else if (uri.Scheme != Uri.UriSchemeHttps) problems.Add($"'{url}' is not https; Outlook loads add-ins only over https.");
        }
    }

    private static void CheckPaneButtons(XDocument manifest, List<string> problems)
    {
        var urls = ResourceValues(manifest, "Urls");
        foreach (var surface in PaneSurfaces)
        {
            var points = manifest.Descendants(Vo11 + "ExtensionPoint").Where(p => TypeOf(p) == surface).ToList();
            var opensPane = points
                .SelectMany(p => p.Descendants(Vo11 + "Control"))
                .Where(c => TypeOf(c) == "Button")
                .Select(c => c.Element(Vo11 + "Action"))
                .Any(a => a is not null && TypeOf(a) == "ShowTaskpane"
                    && a.Element(Vo11 + "SourceLocation")?.Attribute("resid")?.Value is { } resid && urls.ContainsKey(resid));
            if (!opensPane) problems.Add($"{surface} has no button that opens the pane (a Button with a ShowTaskpane action and a defined SourceLocation).");
        }
    }

    private static void CheckWebApplicationInfo(XDocument manifest, List<string> problems)
    {
        var info = manifest.Descendants(Vo11 + "WebApplicationInfo").SingleOrDefault();
        if (info is null) return;
        var id = info.Element(Vo11 + "Id")?.Value.Trim() ?? "";
        if (!Guid.TryParseExact(id, "D", out _)) problems.Add($"WebApplicationInfo Id '{id}' is not the app registration's client id (a GUID).");
        if (!info.Elements(Vo11 + "Scopes").Elements(Vo11 + "Scope").Any()) problems.Add("WebApplicationInfo lists no Scopes.");

        // Office SSO accepts only an App ID URI on the add-in's own domain: api://<pane host>/<client id>.
        var resource = info.Element(Vo11 + "Resource")?.Value.Trim() ?? "";
        var paneHost = ResourceValues(manifest, "Urls").Values.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Authority : null).FirstOrDefault();
        var expected = $"api://{paneHost}/{id}";
        if (!string.Equals(resource, expected, StringComparison.OrdinalIgnoreCase))
            problems.Add($"WebApplicationInfo Resource '{resource}' is not {expected}, the App ID URI form Office SSO requires.");
    }

    private static void CheckSequence(XElement parent, Slot[] sequence, List<string> problems)
    {
        var where = Describe(parent);
        var last = -1;
        var seen = new HashSet<string>();
        foreach (var child in parent.Elements())
        {
            var index = Array.FindIndex(sequence, s => s.Name == child.Name.LocalName);
            if (index < 0)
            {
                problems.Add($"{where} has an unexpected element <{child.Name.LocalName}>.");
                continue;
            }
            if (index < last)
                problems.Add($"{where}: <{child.Name.LocalName}> comes after <{sequence[last].Name}>, but the schema puts it before.");
            else if (index == last && !sequence[index].Repeats)
                problems.Add($"{where}: <{child.Name.LocalName}> appears more than once.");
            last = Math.Max(last, index);
            seen.Add(child.Name.LocalName);
        }
        foreach (var missing in sequence.Where(s => s.Required && !seen.Contains(s.Name)))
            problems.Add($"{where} is missing the required element <{missing.Name}>.");
    }

    private static void CheckLocaleAware(XElement? element, string what, int limit, List<string> problems)
    {
        if (element is null) return;
        CheckLength(element.Attribute("DefaultValue")?.Value, what, limit, problems);
        foreach (var localized in element.Elements().Where(e => e.Name.LocalName == "Override"))
            CheckLength(localized.Attribute("Value")?.Value, $"{what} ({localized.Attribute("Locale")?.Value})", limit, problems);
    }

    private static void CheckLength(string? value, string what, int limit, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add($"{what} is empty.");
        else if (value.Length > limit) problems.Add($"{what} is {value.Length} characters, over the limit of {limit}.");
    }

    private static Dictionary<string, string> ResourceValues(XDocument manifest, string kind) =>
        manifest.Descendants(Bt + kind).Elements()
            .Where(e => e.Attribute("id") is not null && e.Attribute("DefaultValue") is not null)
            .GroupBy(e => e.Attribute("id")!.Value)
            .ToDictionary(g => g.Key, g => g.First().Attribute("DefaultValue")!.Value);

    private static string? TypeOf(XElement element) => element.Attribute(Xsi + "type")?.Value;

    private static string Describe(XElement element)
    {
        var type = TypeOf(element);
        var id = element.Attribute("id")?.Value;
        return $"<{element.Name.LocalName}{(type is null ? "" : $" xsi:type=\"{type}\"")}{(id is null ? "" : $" id=\"{id}\"")}>";
    }

    [GeneratedRegex(@"^\d{1,5}(\.\d{1,5}){0,3}$")]
    private static partial Regex VersionPattern();
}
