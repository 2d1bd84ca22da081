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
    public void The_host_serves_exactly_the_checked_in_manifest_as_its_template()
    {
        Assert.True(XNode.DeepEquals(Load(), ManifestRenderer.Template),
            "The host's embedded template differs from manifest/manifest.xml; rebuild the host.");
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
