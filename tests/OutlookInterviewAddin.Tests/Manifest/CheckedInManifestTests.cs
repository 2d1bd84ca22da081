using System.Xml.Linq;
using OutlookInterviewAddin.Manifest;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>manifest/manifest.xml as committed: the file a developer sideloads against https://localhost:3000.</summary>
public sealed class CheckedInManifestTests
{
    private static XDocument Load() => XDocument.Load(RepositoryFiles.CheckedInManifest);

    [Fact]
    public void The_checked_in_manifest_passes_every_offline_check()
    {
        Assert.Empty(ManifestRules.Check(Load()));
    }

    [Fact]
    public async Task Every_icon_of_the_checked_in_manifest_is_a_file_in_the_web_root_with_the_size_it_declares()
    {
        var manifest = Load();

        var problems = await ManifestRules.CheckIconsAsync(manifest, url =>
        {
            var relative = new Uri(url).AbsolutePath.TrimStart('/').Replace('/', Path.DirectorySeparatorChar);
            var file = Path.Combine(RepositoryFiles.WebRoot, relative);
            return Task.FromResult(File.Exists(file) ? File.ReadAllBytes(file) : null);
        });

        Assert.Equal(5, ManifestRules.Icons(manifest).Select(i => i.Size).Distinct().Count());
        Assert.Empty(problems);
    }

    [Fact]
    public void The_checked_in_manifest_points_only_at_the_hosts_default_address()
    {
        var urls = ManifestRules.Urls(Load());

        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.StartsWith(ManifestRenderer.TemplateBaseUrl + "/", url, StringComparison.Ordinal));
    }

    [Fact]
    public void Rendered_for_the_default_address_and_the_placeholder_registration_the_manifest_is_the_checked_in_file()
    {
        const string placeholderClientId = "00000000-0000-0000-0000-000000000000";
        var signIn = new ManifestSignIn(placeholderClientId, $"api://localhost:3000/{placeholderClientId}");

        var rendered = ManifestRenderer.Render(ManifestRenderer.Template, new Uri(ManifestRenderer.TemplateBaseUrl), signIn);

        // Comments aside (the rendered one says where it came from), the renderer changes nothing else.
        Assert.Equal(WithoutComments(Load()).ToString(), WithoutComments(rendered).ToString());
    }

    private static XDocument WithoutComments(XDocument document)
    {
        var copy = new XDocument(document);
        copy.DescendantNodes().OfType<XComment>().Remove();
        return copy;
    }

    [Fact]
    public void The_checked_in_manifest_asks_for_ReadWriteItem_and_Mailbox_1_8()
    {
        var root = Load().Root!;

        Assert.Equal("ReadWriteItem", root.Element(ManifestRules.App + "Permissions")?.Value);
        var mailbox = root.Element(ManifestRules.App + "Requirements")!.Descendants(ManifestRules.App + "Set").Single(s => s.Attribute("Name")?.Value == "Mailbox");
        Assert.Equal("1.8", mailbox.Attribute("MinVersion")?.Value);
    }
}
