using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;
using static OutlookInterviewAddin.Tests.Drafting.QuestionAgendaData;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>The attached Word document is valid Open XML whatever it holds, and its file name is one every system accepts.</summary>
public sealed class QuestionListFileTests
{
    private static DraftRecipient Recipient(string name) => new(name, "zoe@example.org", "Shopify", "Senior Data Analyst", "data science", "Toronto");

    private static readonly string LongName = string.Concat(Enumerable.Repeat("Maximiliana ", 25)).Trim() + " Zoë";

    public static TheoryData<string, string, int, string?> Documents()
    {
        var data = new TheoryData<string, string, int, string?>();
        foreach (var list in Names)
            foreach (var minutes in new[] { 15, 60, 240 })
                data.Add(list, "Zoë O'Brien", minutes, "https://teams.example.com/meet/123?id=a&b=<c>");
        data.Add("default", "  Zoë   O'Brien ", 30, null);
        data.Add("default", "a/b\\c:d*e?f\"g<h>i|j", 30, "http://example.com/x y");
        data.Add("tailored", LongName, 45, "https://example.com/" + new string('a', 500));
        data.Add("long", "?!...", 240, null);
        data.Add("default", "Zoë\u0007 O'Brien\u200b\u202e", 30, "https://example.com/meet");
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_attached_document_has_no_schema_error(string list, string name, int minutes, string? url)
    {
        var rendered = QuestionListRenderer.English.Render(new QuestionListRequest(Recipient(name),
            Meeting(minutes, place: "Café \"Le <Petit>\" & Co\u0001", url: url), Named(list)));

        using var stream = new MemoryStream(rendered.File.Content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        Assert.NotNull(document.MainDocumentPart!.StyleDefinitionsPart);
    }

    [Theory]
    [InlineData("Zoë O'Brien", "Questions for Zoë O'Brien.docx")]
    [InlineData("  Zoë   O'Brien ", "Questions for Zoë O'Brien.docx")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j", "Questions for a b c d e f g h i j.docx")]
    [InlineData("Zoë\tO'Brien\r\n\u0007", "Questions for Zoë O'Brien.docx")]
    [InlineData("...Zoë O'Brien...", "Questions for Zoë O'Brien.docx")]
    [InlineData("?!...", "Interview questions.docx")]
    [InlineData("***", "Interview questions.docx")]
    [InlineData("Ana\u202egpj.exe", "Questions for Ana gpj.exe.docx")]
    public void The_file_name_is_tidy_and_safe_on_every_system(string name, string expected)
    {
        var rendered = Render(QuestionAgenda.Default, 30, Recipient(name));

        Assert.Equal(expected, rendered.File.FileName);
    }

    [Fact]
    public void A_very_long_name_gives_a_file_name_of_at_most_80_characters_cut_at_a_word()
    {
        var rendered = Render(QuestionAgenda.Default, 30, Recipient(LongName));

        var stem = rendered.File.FileName[..^".docx".Length];
        Assert.EndsWith(".docx", rendered.File.FileName, StringComparison.Ordinal);
        Assert.InRange(stem.Length, 60, 80);
        Assert.StartsWith("Questions for Maximiliana", stem, StringComparison.Ordinal);
        Assert.EndsWith("Maximiliana", stem, StringComparison.Ordinal);
    }

    public static TheoryData<string> OddNames() =>
        ["  Zoë   O'Brien ", "a/b\\c:d*e?f\"g<h>i|j", new string('x', 300), LongName, "?!...", "...", " . ", "\u0000\u001f", "CON", "nul.txt",
            "Zoe\u0308 O\u2019Brien", "😀 " + string.Concat(Enumerable.Repeat("😀", 100))];

    [Theory]
    [MemberData(nameof(OddNames))]
    public void Any_name_gives_a_file_name_that_windows_macos_and_linux_accept(string name)
    {
        var fileName = Render(QuestionAgenda.Default, 30, Recipient(name)).File.FileName;
        var stem = fileName[..^".docx".Length];

        Assert.EndsWith(".docx", fileName, StringComparison.Ordinal);
        Assert.InRange(stem.Length, 1, 80);
        Assert.DoesNotContain(stem, c => "\\/:*?\"<>|".Contains(c, StringComparison.Ordinal) || char.IsControl(c));
        Assert.DoesNotContain("  ", stem, StringComparison.Ordinal);
        Assert.Equal(stem.Trim().Trim('.'), stem);
        Assert.False(char.IsHighSurrogate(stem[^1]), "A character was cut in half.");
        Assert.True(stem.Normalize() == stem, "Not in the composed form macOS and Windows agree on.");
    }
}
