using DocumentFormat.OpenXml.Packaging;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;
using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>A person written to in French gets the built-in question list in French, in the invite and in the attached file.</summary>
public sealed class FrenchQuestionListTests
{
    private static readonly DraftRecipient Élise =
        new("Élise Tremblay", "elise@example.org", "Hydro-Québec", "ingénieure", "énergie renouvelable", "Montréal", Language: DraftLanguage.Fr);

    private static readonly MeetingPlan Meeting =
        new(new DateTimeOffset(2026, 12, 8, 20, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 21, 30, 0, TimeSpan.Zero), "America/Toronto");

    [Fact]
    public void The_french_kits_have_the_english_kits_keys_parts_and_question_counts()
    {
        Assert.Equal(BuiltInKits.All.Select(k => k.Key), BuiltInKits.AllFrench.Select(k => k.Key));
        foreach (var (english, french) in BuiltInKits.All.Zip(BuiltInKits.AllFrench))
        {
            Assert.Equal(english.Parts.Select(p => p.Questions.Count), french.Parts.Select(p => p.Questions.Count));
            Assert.All(french.Parts.SelectMany(p => p.Questions), q => Assert.EndsWith("?", q, StringComparison.Ordinal));
            Assert.Empty(french.Parts.SelectMany(p => p.Questions).Intersect(english.Parts.SelectMany(p => p.Questions)));
        }
        Assert.Equal(BuiltInKits.DefaultFrench, BuiltInKits.Find("DEFAULT", DraftLanguage.Fr));
        Assert.Equal(BuiltInKits.Default, BuiltInKits.Find("default"));
    }

    [Fact]
    public void The_invite_body_and_the_attached_file_carry_the_french_list()
    {
        var rendered = QuestionListRenderer.For(Élise).Render(new QuestionListRequest(Élise, Meeting, QuestionAgenda.For(DraftLanguage.Fr)));

        var body = rendered.Body.ToPlainText();
        using var stream = new MemoryStream(rendered.File.Content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var file = document.MainDocumentPart!.Document!.Body!.InnerText;
        foreach (var text in new[] { body, file })
        {
            Assert.Contains("Entretien d'information avec Élise Tremblay", text, StringComparison.Ordinal);
            Assert.Contains("mardi 8 décembre 2026, de 15 h 30 à 16 h 30", text, StringComparison.Ordinal);
            Assert.Contains("Première partie", text, StringComparison.Ordinal);
            Assert.Contains("Qu'avez-vous étudié après le secondaire?", text, StringComparison.Ordinal);
            Assert.Contains("Qui d'autre me recommanderiez-vous de rencontrer", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Part one", text, StringComparison.Ordinal);
            Assert.DoesNotContain("What did you study", text, StringComparison.Ordinal);
        }
        // The referral question is asked once, in the closing, as in English.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "Qui d'autre"));
        Assert.Equal("Questions pour Élise Tremblay.docx", rendered.File.FileName);
        Assert.Equal("Entretien d'information\u00a0: Maya López et Élise Tremblay", QuestionListRenderer.For(Élise).InviteSubject("Maya López", Élise.FullName));
        Assert.Contains("questions prennent environ", rendered.Advice.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_too_long_for_the_meeting_says_so_in_french()
    {
        var short15 = Meeting with { End = Meeting.Start.AddMinutes(15) };

        var rendered = QuestionListRenderer.For(Élise).Render(new QuestionListRequest(Élise, short15, QuestionAgenda.For(DraftLanguage.Fr)));

        Assert.True(rendered.Estimate.TooLong);
        Assert.Contains("restent dans votre liste", rendered.Advice.ToPlainText(), StringComparison.Ordinal);
    }
}
