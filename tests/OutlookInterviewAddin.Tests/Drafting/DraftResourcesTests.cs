using System.Globalization;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed partial class DraftResourcesTests
{
    [Fact]
    public void Every_resource_key_the_code_uses_exists()
    {
        var source = FindSourceFolder();
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => KeyLiteral().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Concat(TemplateSlots.All.Select(s => s.Key))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 40, $"only {used.Count} keys found: the scan is broken");
        Assert.All(used, key => Assert.True(DraftText.Exists(key), $"'{key}' is used but not in DraftStrings.resx"));
    }

    [Fact]
    public void Every_resource_in_the_file_is_used()
    {
        var source = FindSourceFolder();
        var code = string.Concat(Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var slotKeys = TemplateSlots.All.Select(s => s.Key).ToHashSet();

        var unused = DraftText.AllKeys()
            .Where(key => !slotKeys.Contains(key) && !code.Contains($"\"{key}\"", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void A_culture_without_its_own_resources_falls_back_to_english_key_by_key()
    {
        var german = new DraftText(CultureInfo.GetCultureInfo("de-DE"));
        var french = new DraftText(CultureInfo.GetCultureInfo("fr-CA"));

        Assert.Equal(DraftText.English.Get("Outreach.Ask.Cold"), german.Get("Outreach.Ask.Cold"));
        Assert.NotEqual(DraftText.English.Get("Outreach.Ask.Cold"), french.Get("Outreach.Ask.Cold"));
        Assert.Throws<KeyNotFoundException>(() => german.Get("No.Such.Key"));
    }

    private static string FindSourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "OutlookInterviewAddin", "Drafting");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("src/OutlookInterviewAddin/Drafting not found above the test output folder.");
    }

    // Keys are passed as literals to Get/Format/Lines: "Check.JobWords"; ApiText's (the checker's messages) are not drafting's.
    [GeneratedRegex(@"(?<!ApiText\.)(?:Get|Format|Lines)\(""([A-Z][A-Za-z]+(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyLiteral();
}
