using System.Xml.Linq;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Manifest;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>The rendering rules on their own, without a host.</summary>
public sealed class ManifestRendererTests
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";

    private static XDocument Render(string baseUrl, ManifestSignIn? signIn = null) =>
        ManifestRenderer.Render(ManifestRenderer.Template, new Uri(baseUrl), signIn);

    [Fact]
    public void A_base_url_with_a_path_keeps_the_path_in_front_of_every_url()
    {
        var manifest = Render("https://contoso.example/interviews/");

        Assert.Contains("https://contoso.example/interviews/index.html", ManifestRules.Urls(manifest));
        Assert.All(ManifestRules.Urls(manifest), url => Assert.StartsWith("https://contoso.example/interviews/", url, StringComparison.Ordinal));
    }

    [Fact]
    public void The_sign_in_resource_carries_the_port_of_a_non_default_address()
    {
        var entra = new EntraOptions { TenantId = "organizations", ClientId = ClientId };
        var baseUrl = new Uri("https://localhost:3000");
        var manifest = Render(baseUrl.ToString(), new ManifestSignIn(ClientId, entra.AppIdUriFor(baseUrl)));

        Assert.Equal($"api://localhost:3000/{ClientId}", manifest.Descendants(ManifestRules.Vo11 + "Resource").Single().Value);
        Assert.Empty(ManifestRules.Check(manifest));
    }

    [Fact]
    public void Rendering_leaves_the_template_untouched()
    {
        var template = ManifestRenderer.Template;
        var before = template.ToString();

        ManifestRenderer.Render(template, new Uri("https://their-host.example"), null);

        Assert.Equal(before, template.ToString());
    }

    [Fact]
    public void The_rendered_bytes_are_utf8_xml_with_a_declaration_and_no_byte_order_mark()
    {
        var bytes = ManifestRenderer.ToUtf8(Render("https://their-host.example"));

        Assert.NotEqual(0xEF, bytes[0]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Empty(ManifestRules.Check(XDocument.Parse(text)));
    }

    [Fact]
    public void Only_urls_on_the_templates_address_move()
    {
        var template = ManifestRenderer.Template;
        static XElement Pane(XDocument manifest) => manifest.Descendants(ManifestRules.Bt + "Url").Single(u => (string?)u.Attribute("id") == "Pane.Url");
        Pane(template).SetAttributeValue("DefaultValue", "https://localhost:30001/index.html");

        var manifest = ManifestRenderer.Render(template, new Uri("https://their-host.example"), null);

        Assert.Equal("https://localhost:30001/index.html", Pane(manifest).Attribute("DefaultValue")!.Value);
        Assert.Equal("https://their-host.example/launchevent.js",
            manifest.Descendants(ManifestRules.Bt + "Url").Single(u => (string?)u.Attribute("id") == "JSRuntime.Url").Attribute("DefaultValue")!.Value);
    }
}
