using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;
using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>Question lists of every shape the invite is rendered from, and readers for what it rendered.</summary>
internal static partial class QuestionAgendaData
{
    public static QuestionAgenda Tiara { get; } = AgendaOf(BuiltInKits.Tiara);

    /// <summary>The default kit as the invite receives it: filled for a person by the pane's filler first.</summary>
    public static QuestionAgenda DefaultFilled { get; } = AgendaOf(PlaceholderFiller.Fill(BuiltInKits.Default,
        new PlaceholderValues("Zoë O'Brien", "Shopify", "Senior Data Analyst", "data science", "Toronto")));

    /// <summary>
    /// The default list tailored by hand: questions added, one pasted twice in another case, the
    /// thanks in both opening and closing, the referral question reworded and asked twice.
    /// </summary>
    public static QuestionAgenda Tailored { get; } = QuestionAgenda.Default with
    {
        Opening = "Thank you for your time. I would like to learn how you chose data science.",
        Parts =
        [
            .. QuestionAgenda.Default.Parts.Take(2),
            new AgendaPart("Part three: future talk",
            [
                "How do you see this job changing in the next 10 years?",
                "what is a day in the  life like",
                "Is there anyone else you would suggest I talk to?",
                "Which skills should I learn before my co-op at {organisation}?",
                "Who else should I ask?",
            ]),
            new AgendaPart("Part four: my portfolio", ["Would you look at one of my projects?", "What makes a portfolio stand out?"]),
        ],
        Closing = "Thank you for your time! I will send you a note about what I try first.",
    };

    /// <summary>A list far longer than any meeting: 20 parts of 12 questions, no opening, the referral ask only in the closing.</summary>
    public static QuestionAgenda Long { get; } = new("",
        [.. Enumerable.Range(1, 20).Select(p => new AgendaPart($"Part {p}", [.. Enumerable.Range(1, 12).Select(q => $"Question {q} of part {p}?")]))],
        "Who else would you recommend I speak with? Thanks again.");

    public static QuestionAgenda Named(string name) => name switch
    {
        "default" => QuestionAgenda.Default,
        "default filled" => DefaultFilled,
        "tiara" => Tiara,
        "tailored" => Tailored,
        "long" => Long,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static readonly string[] Names = ["default", "default filled", "tiara", "tailored", "long"];

    public static MeetingPlan Meeting(int minutes, string? place = "Balzac's Coffee, 1 Trinity St", string? url = "https://teams.example.com/meet/123")
    {
        var start = new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
        return new MeetingPlan(start, start.AddMinutes(minutes), "America/Toronto", place, url);
    }

    public static RenderedQuestionList Render(QuestionAgenda agenda, int minutes, DraftRecipient? recipient = null) =>
        QuestionListRenderer.English.Render(new QuestionListRequest(recipient ?? DraftingData.Cold, Meeting(minutes), agenda));

    /// <summary>The numbered questions of the invite body.</summary>
    public static List<string> BodyQuestions(RenderedQuestionList rendered) =>
        [.. new HtmlParser().ParseDocument(rendered.Body.ToHtml()).QuerySelectorAll("li").Select(li => li.TextContent)];

    /// <summary>The numbered questions of the attached document, without their numbers.</summary>
    public static List<string> FileQuestions(RenderedQuestionList rendered)
    {
        using var stream = new MemoryStream(rendered.File.Content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.Indentation is not null)
            .Select(p => NumberPrefix().Replace(p.InnerText, ""))];
    }

    /// <summary>Every sentence of the invite body after the given heading ("Closing"), or of all of it.</summary>
    public static List<string> Sentences(RenderedQuestionList rendered, string? after = null)
    {
        var text = rendered.Body.ToPlainText();
        if (after is not null)
            text = text[(text.IndexOf("\n\n" + after + "\n\n", StringComparison.Ordinal) + after.Length + 4)..];
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => NumberPrefix().Replace(line, ""))
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)];
    }

    /// <summary>How the renderer's "same line" reads, spelled out independently: case, spacing and the final mark do not count.</summary>
    public static string SameLine(string line) =>
        string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '?', '!', ' ').ToLowerInvariant();

    private static QuestionAgenda AgendaOf(QuestionKit kit) =>
        new(kit.Opening, [.. kit.Parts.Select(p => new AgendaPart(p.Title, p.Questions))], kit.Closing);

    private static QuestionAgenda AgendaOf(FilledQuestionList filled) =>
        new(filled.Opening ?? "", [.. filled.Parts.Select(p => new AgendaPart(p.Title, p.Questions))], filled.Closing ?? "");

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"(?<=[.?!])\s+")]
    private static partial Regex SentenceEnd();
}
