using System.Xml.Linq;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>The manifest's French overrides: Outlook in French (France or Canada) shows the add-in's name, description, group, button and tips in French.</summary>
public sealed class ManifestFrenchTests
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly string[] Locales = ["fr-FR", "fr-CA"];

    [Fact]
    public void The_name_and_description_have_french_overrides_for_france_and_canada()
    {
        var manifest = XDocument.Load(RepositoryFiles.CheckedInManifest);

        foreach (var (element, max) in new[] { (manifest.Root!.Element(App + "DisplayName")!, 125), (manifest.Root!.Element(App + "Description")!, 250) })
            AssertFrench(element, App + "Override", max);
    }

    [Fact]
    public void Every_label_and_tip_has_french_overrides_for_france_and_canada()
    {
        var manifest = XDocument.Load(RepositoryFiles.CheckedInManifest);
        var shortStrings = manifest.Descendants(Bt + "ShortStrings").Elements(Bt + "String").ToList();
        var longStrings = manifest.Descendants(Bt + "LongStrings").Elements(Bt + "String").ToList();

        Assert.Equal(3, shortStrings.Count);
        Assert.Equal(4, longStrings.Count);
        foreach (var s in shortStrings)
            AssertFrench(s, Bt + "Override", 125);
        foreach (var s in longStrings)
            AssertFrench(s, Bt + "Override", 250);
    }

    private static void AssertFrench(XElement element, XName overrideName, int max)
    {
        var english = element.Attribute("DefaultValue")!.Value;
        var overrides = element.Elements(overrideName).ToDictionary(o => o.Attribute("Locale")!.Value, o => o.Attribute("Value")!.Value);
        Assert.Equal(Locales.Order(), overrides.Keys.Order());
        foreach (var (locale, value) in overrides)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{locale} of “{english}” is empty");
            Assert.True(value.Length <= max, $"{locale} of “{english}” has {value.Length} characters, over {max}");
            Assert.NotEqual(english, value);
        }
    }
}
