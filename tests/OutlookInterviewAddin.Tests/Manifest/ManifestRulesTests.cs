using System.Xml.Linq;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>The offline checks catch what they claim to: each test breaks one rule in a copy of the checked-in manifest.</summary>
public sealed class ManifestRulesTests
{
    private static readonly XNamespace App = ManifestRules.App;
    private static readonly XNamespace Bt = ManifestRules.Bt;
    private static readonly XNamespace Vo11 = ManifestRules.Vo11;

    private static XDocument Manifest() => XDocument.Load(RepositoryFiles.CheckedInManifest);

    private static string SingleProblem(XDocument manifest) => Assert.Single(ManifestRules.Check(manifest));

    [Fact]
    public void Elements_out_of_schema_order_are_reported()
    {
        var manifest = Manifest();
        var version = manifest.Root!.Element(App + "Version")!;
        version.Remove();
        manifest.Root.Element(App + "ProviderName")!.AddAfterSelf(version);

        Assert.Contains("<Version> comes after <ProviderName>", string.Join('\n', ManifestRules.Check(manifest)), StringComparison.Ordinal);
    }

    [Fact]
    public void WebApplicationInfo_before_Resources_is_reported()
    {
        var manifest = Manifest();
        var info = manifest.Descendants(Vo11 + "WebApplicationInfo").Single();
        info.Remove();
        manifest.Descendants(Vo11 + "Resources").Single().AddBeforeSelf(info);

        Assert.Contains("<Resources> comes after <WebApplicationInfo>", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_element_is_reported()
    {
        var manifest = Manifest();
        manifest.Root!.Element(App + "FormSettings")!.Remove();

        Assert.Contains("missing the required element <FormSettings>", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_that_is_not_a_guid_is_reported()
    {
        var manifest = Manifest();
        manifest.Root!.Element(App + "Id")!.Value = "informational-interviews";

        Assert.Contains("is not a GUID", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_resid_that_names_no_resource_is_reported()
    {
        var manifest = Manifest();
        manifest.Descendants(Vo11 + "Supertip").First().Element(Vo11 + "Title")!.SetAttributeValue("resid", "Missing.Title");

        Assert.Contains("resid=\"Missing.Title\"> names no resource in ShortStrings", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_resid_that_names_a_resource_of_the_wrong_kind_is_reported()
    {
        var manifest = Manifest();
        manifest.Descendants(Vo11 + "Supertip").First().Element(Vo11 + "Description")!.SetAttributeValue("resid", "OpenPane.Title");

        Assert.Contains("names no resource in LongStrings", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ShortStrings", 126, "over the limit of 125")]
    [InlineData("LongStrings", 251, "over the limit of 250")]
    public void A_string_resource_over_its_limit_is_reported(string kind, int length, string expected)
    {
        var manifest = Manifest();
        manifest.Descendants(Bt + kind).Elements().First().SetAttributeValue("DefaultValue", new string('x', length));

        Assert.Contains(expected, SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_exactly_at_their_limits_pass()
    {
        var manifest = Manifest();
        manifest.Descendants(Bt + "ShortStrings").Elements().First().SetAttributeValue("DefaultValue", new string('x', 125));
        manifest.Descendants(Bt + "LongStrings").Elements().First().SetAttributeValue("DefaultValue", new string('x', 250));
        manifest.Root!.Element(App + "DisplayName")!.SetAttributeValue("DefaultValue", new string('x', 125));

        Assert.Empty(ManifestRules.Check(manifest));
    }

    [Fact]
    public void A_description_over_250_characters_is_reported()
    {
        var manifest = Manifest();
        manifest.Root!.Element(App + "Description")!.SetAttributeValue("DefaultValue", new string('x', 251));

        Assert.Contains("Description is 251 characters", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_url_is_reported()
    {
        var manifest = Manifest();
        manifest.Descendants(Bt + "Image").First(i => i.Attribute("id") is not null).SetAttributeValue("DefaultValue", "http://localhost:3000/assets/icon-16.png");

        Assert.Contains("is not https", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void Permissions_broader_than_ReadWriteItem_are_reported()
    {
        var manifest = Manifest();
        manifest.Root!.Element(App + "Permissions")!.Value = "ReadWriteMailbox";

        Assert.Contains("broader than ReadWriteItem", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mailbox_floor_below_1_8_is_reported()
    {
        var manifest = Manifest();
        manifest.Root!.Element(App + "Requirements")!.Descendants(App + "Set").Single().SetAttributeValue("MinVersion", "1.3");

        Assert.Contains("below 1.8", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_surface_without_a_button_that_opens_the_pane_is_reported()
    {
        var manifest = Manifest();
        manifest.Descendants(Vo11 + "ExtensionPoint").Single(p => p.Attribute(ManifestRules.Xsi + "type")?.Value == "AppointmentAttendeeCommandSurface").Remove();

        Assert.Contains("AppointmentAttendeeCommandSurface has no button", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_in_resource_outside_the_add_ins_domain_is_reported()
    {
        var manifest = Manifest();
        var resource = manifest.Descendants(Vo11 + "Resource").Single();
        resource.Value = resource.Value.Replace("localhost:3000", "elsewhere.example", StringComparison.Ordinal);

        Assert.Contains("the App ID URI form Office SSO requires", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_control_ids_are_reported()
    {
        var manifest = Manifest();
        foreach (var control in manifest.Descendants(Vo11 + "Control")) control.SetAttributeValue("id", "OpenPane");

        Assert.Contains("'OpenPane' is used 4 times", SingleProblem(manifest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_icon_whose_pixels_differ_from_its_declared_size_is_reported()
    {
        var manifest = Manifest();
        var icon32 = await File.ReadAllBytesAsync(Path.Combine(RepositoryFiles.WebRoot, "assets", "icon-32.png"));

        var problems = await ManifestRules.CheckIconsAsync(manifest, _ => Task.FromResult<byte[]?>(icon32));

        Assert.Contains(problems, p => p.EndsWith("icon-16.png is 32x32 but is declared as 16x16.", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("icon-32.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_icon_is_reported()
    {
        var problems = await ManifestRules.CheckIconsAsync(Manifest(), _ => Task.FromResult<byte[]?>(null));

        Assert.Contains(problems, p => p.Contains("icon-80.png (declared 80x80) does not exist", StringComparison.Ordinal));
    }
}
