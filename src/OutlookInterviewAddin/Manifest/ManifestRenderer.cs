using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace OutlookInterviewAddin.Manifest;

/// <summary>The app registration the pane signs in with; absent in local mode.</summary>
/// <param name="ClientId">The application (client) id of the add-in's Entra app registration.</param>
/// <param name="AppIdUri">The registration's App ID URI (see <see cref="Auth.EntraOptions.AppIdUriFor"/>).</param>
public sealed record ManifestSignIn(string ClientId, string AppIdUri);

/// <summary>
/// Turns the checked-in manifest (manifest/manifest.xml, embedded in this assembly) into the
/// manifest for one deployment: every URL moved from the template's https://localhost:3000 to the
/// public base URL, and WebApplicationInfo filled in from the app registration. Pure: no HTTP, no
/// configuration, so the rules are tested directly.
/// </summary>
public static class ManifestRenderer
{
    /// <summary>The address the checked-in manifest is written for: the host's default.</summary>
    public const string TemplateBaseUrl = "https://localhost:3000";

    internal const string ResourceName = "OutlookInterviewAddin.Manifest.manifest.xml";

    private static readonly XNamespace VersionOverrides11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    private static readonly Lazy<XDocument> EmbeddedTemplate = new(LoadTemplate);

    /// <summary>The checked-in manifest as built into this assembly (callers get their own copy).</summary>
    public static XDocument Template => new(EmbeddedTemplate.Value);

    public static XDocument Render(XDocument template, Uri publicBaseUrl, ManifestSignIn? signIn)
    {
        var baseUrl = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var manifest = new XDocument(template);

        // The template's own header speaks of the checked-in file; the rendered one says where it came from.
        foreach (var comment in manifest.Nodes().OfType<XComment>().ToList()) comment.Remove();
        manifest.Root!.AddBeforeSelf(new XComment(
            $" Rendered by the Informational Interviews host for {baseUrl}. Source: manifest/manifest.xml. "));

        foreach (var attribute in manifest.Descendants().Attributes())
            attribute.Value = Rebase(attribute.Value, baseUrl);
        foreach (var text in manifest.DescendantNodes().OfType<XText>())
            text.Value = Rebase(text.Value, baseUrl);

        var webApplicationInfo = manifest.Descendants(VersionOverrides11 + "WebApplicationInfo").SingleOrDefault();
        if (webApplicationInfo is not null)
        {
            if (signIn is null)
            {
                // Local mode has no app registration: the pane signs in with the host's local
                // tokens, and a made-up client id would only send Office to a registration that
                // does not exist.
                webApplicationInfo.Remove();
            }
            else
            {
                var clientId = signIn.ClientId.Trim();
                webApplicationInfo.Element(VersionOverrides11 + "Id")!.Value = clientId;
                webApplicationInfo.Element(VersionOverrides11 + "Resource")!.Value = signIn.AppIdUri;
            }
        }
        return manifest;
    }

    /// <summary>UTF-8 without a byte order mark, with its XML declaration, indented.</summary>
    public static byte[] ToUtf8(XDocument manifest)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using (var writer = XmlWriter.Create(buffer, settings)) manifest.Save(writer);
        return buffer.ToArray();
    }

    private static string Rebase(string value, string baseUrl)
    {
        if (value == TemplateBaseUrl) return baseUrl;
        return value.StartsWith(TemplateBaseUrl + "/", StringComparison.OrdinalIgnoreCase)
            ? baseUrl + value[TemplateBaseUrl.Length..]
            : value;
    }

    private static XDocument LoadTemplate()
    {
        using var stream = typeof(ManifestRenderer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The manifest template '{ResourceName}' is not embedded in the host; check the EmbeddedResource item in the project file.");
        return XDocument.Load(stream);
    }
}
