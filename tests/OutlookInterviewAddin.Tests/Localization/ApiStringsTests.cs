using System.Globalization;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.Tests.Localization;

/// <summary>The API's sentences: every one in both languages with the same holes, French typography, dates written each language's way.</summary>
public sealed partial class ApiStringsTests
{
    private static readonly IReadOnlyDictionary<string, string> English = ApiText.All();
    private static readonly IReadOnlyDictionary<string, string> French = ApiText.All(RequestLanguages.French);

    [Fact]
    public void Every_key_has_a_french_value_and_french_has_no_key_of_its_own()
    {
        Assert.True(English.Count > 200, $"only {English.Count} keys: the resources were not found");
        var missing = English.Keys.Where(key => !French.TryGetValue(key, out var french) || string.IsNullOrWhiteSpace(french)).ToList();
        Assert.Empty(missing);
        Assert.Empty(French.Keys.Except(English.Keys));
    }

    [Fact]
    public void Every_french_value_has_the_same_placeholders_as_the_english_one()
    {
        var different = English
            .Where(e => !Holes(e.Value).SetEquals(Holes(French[e.Key])))
            .Select(e => $"{e.Key}: {string.Join(" ", Holes(e.Value))} / {string.Join(" ", Holes(French[e.Key]))}")
            .ToList();

        Assert.Empty(different);
    }

    [Fact]
    public void French_puts_a_non_breaking_space_before_colons_semicolons_question_and_exclamation_marks()
    {
        // A plain space before them breaks the line there; none at all is English typography. Only
        // prose is checked: "https://", "NOM:valeur", "confirmEarly: true" and .NET date patterns are code.
        var wrong = French
            .Where(f => !f.Key.StartsWith("Format.", StringComparison.Ordinal))
            .SelectMany(f => WrongSpacing().Matches(Prose().Replace(f.Value, "")).Select(m => $"{f.Key}: …{m.Value}…"))
            .ToList();

        Assert.Empty(wrong);
        Assert.Contains("\u00a0:", French["NextActions.Meeting.ConfirmOn"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sentence_key_the_code_names_exists()
    {
        var source = SourceFolder();
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => KeyLiteral().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 150, $"only {used.Count} keys found: the scan is broken");
        Assert.All(used, key => Assert.True(English.ContainsKey(key), $"'{key}' is used but not in ApiStrings.resx"));
    }

    [Theory]
    [InlineData("fr", true, "mardi 8 décembre à 15\u00a0h\u00a030")]
    [InlineData("fr-CA", false, "mardi 8 décembre")]
    [InlineData("en", true, "Tuesday 8 December at 15:30")]
    public void A_reason_writes_its_time_in_the_request_language(string language, bool withTime, string expected)
    {
        var time = new ReasonTime(new DateTimeOffset(2026, 12, 8, 20, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"), DateOnly: !withTime);

        Assert.Equal(expected, In(language, time.ToString));
    }

    [Fact]
    public void French_says_the_first_of_the_month_and_a_whole_hour_the_french_way()
    {
        var time = new ReasonTime(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, DateOnly: false);

        Assert.Equal("mardi 1er décembre à 15\u00a0h", In("fr", time.ToString));
        Assert.Equal("Tuesday 1 December at 15:00", In("en", time.ToString));
    }

    [Fact]
    public void A_follow_through_line_is_stored_as_a_key_and_written_in_the_reader_language()
    {
        var stored = StoredText.Store(500, "Activity.ThankYou.AfterMeeting", "Priya Shah", StoredText.Elapsed(TimeSpan.FromMinutes(10)));

        Assert.DoesNotContain("drafted", stored, StringComparison.Ordinal);
        Assert.Equal("Thank-you to Priya Shah drafted 10 minutes after your meeting, citing your key tip: it is in Drafts for you to send.",
            StoredText.Read(stored, RequestLanguages.English));
        Assert.StartsWith("Remerciement à Priya Shah rédigé 10 minutes après votre rencontre", StoredText.Read(stored, RequestLanguages.French), StringComparison.Ordinal);
        Assert.Equal("Pas de réponse de Zoë en 7 jours ouvrables\u00a0: votre unique relance est rédigée dans Brouillons, prête à envoyer.",
            StoredText.Read(StoredText.Store(500, "Activity.FollowUp", "Zoë", 7), RequestLanguages.French));
    }

    [Fact]
    public void A_line_stored_before_keys_is_shown_as_it_was_written()
    {
        const string older = "Priya Shah replied: no follow-up will be drafted. Plan the conversation and send the invite.";

        Assert.Equal(older, StoredText.Read(older, RequestLanguages.French));
    }

    [Fact]
    public void A_line_too_long_for_its_column_is_kept_in_english_within_the_column()
    {
        var name = new string('x', 200);
        var stored = StoredText.Store(500, "Activity.SecondContact.Candidate", name, 3, new string('o', 200), new string('p', 200));

        Assert.True(stored.Length <= 500);
        Assert.StartsWith("No reply from xxx", stored, StringComparison.Ordinal);
    }

    private static T In<T>(string language, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Holes(string text) => [.. Hole().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal)).Select(m => m.Value)];

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "OutlookInterviewAddin");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/OutlookInterviewAddin not found above the test output folder.");
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Hole();

    // A plain space, or a letter, digit or closing mark, right before : ; ? !
    [GeneratedRegex(@"(?:[ \p{L}\p{N})»]|^)[:;?!]")]
    private static partial Regex WrongSpacing();

    // What is code inside a sentence: addresses, "NAME:value", "confirmEarly: true", quoted values, format holes ("{0:N0}").
    [GeneratedRegex(@"https://|[A-Z]+:[A-Za-zé]+|confirmEarly: true|""[^""]*""|\{\d+[^}]*\}")]
    private static partial Regex Prose();

    // Sentence keys passed as literals: ApiText.Get("Field.Required"), Sentence("NextActions.FollowUp", …),
    // ActivityLine("Activity.FollowUp", …), StoredText.Store(DeletedRecord.DescriptionLength, "Deleted.Interview", …).
    [GeneratedRegex(@"(?:ApiText\.(?:Get|Format)|ReasonText\.(?:Of|Sentence)|Sentence|ActivityLine|StoredText\.Store\([\w.]+,\s*)\(?""([A-Z][A-Za-z]+(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyLiteral();
}
