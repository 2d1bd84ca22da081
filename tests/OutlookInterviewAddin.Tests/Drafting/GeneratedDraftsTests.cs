using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>Every composer, over many generated people, never prints a placeholder, a gap or unencoded text.</summary>
public sealed partial class GeneratedDraftsTests
{
    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void No_composer_prints_a_raw_placeholder_or_a_gap_for_any_generated_person(DraftLanguage language)
    {
        var checkedDrafts = 0;
        foreach (var (request, i) in DraftingData.People(150, seed: 21, language).Select((p, i) => (p.Outreach, i)))
        {
            var (sender, recipient, variety) = (request.Sender, request.Recipient, request.Variety);
            var day = new DateOnly(2026, 3, 3);
            Composition[] drafts =
            [
                OutreachComposer.For(recipient).Compose(request),
                ThankYouComposer.For(recipient).Compose(new ThankYouRequest(sender, recipient,
                    new DraftInterview(day, ["Talk to people in the field before choosing a master's"], 0, i % 2 == 0 ? [] : ["Priya Patel"]),
                    variety, i % 3 == 0 ? null : "Book two more conversations this month")),
                FollowUpComposer.For(recipient).Compose(new FollowUpRequest(sender, recipient, day, variety)),
                StayInTouchComposer.For(recipient).Compose(new StayInTouchRequest(sender, recipient, "Keep a log of what you learn", variety,
                    i % 2 == 0 ? null : "kept one since January", i % 3 == 0 ? null : "it helped me choose my courses", i % 4 == 0 ? null : day)),
                QuestionListRenderer.For(recipient).Render(new QuestionListRequest(recipient,
                    new MeetingPlan(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 14, 20, 0, TimeSpan.Zero), "Europe/Paris"),
                    QuestionAgenda.Default)).Body,
            ];
            foreach (var draft in drafts)
            {
                var text = draft.Subject + "\n" + draft.ToPlainText();
                Assert.DoesNotMatch(Placeholder(), text);
                Assert.DoesNotMatch(Gap(), text);
                var parsed = new HtmlParser().ParseDocument(draft.ToHtml());
                Assert.Equal(Regex.Replace(draft.ToPlainText(), @"\s+", ""), Regex.Replace(VisibleText(parsed.Body!), @"\s+", ""));
                checkedDrafts++;
            }
        }
        Assert.Equal(750, checkedDrafts);
    }

    // List numbers are part of the plain text but drawn by the browser in HTML; add them back.
    private static string VisibleText(AngleSharp.Dom.IElement body)
    {
        foreach (var list in body.QuerySelectorAll("ol"))
        {
            var n = 1;
            foreach (var item in list.Children)
                item.TextContent = $"{n++}. {item.TextContent}";
        }
        return body.TextContent;
    }

    [GeneratedRegex(@"\{|\}|\[|\]|%\w+%")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[ \t][,.;:?!](?!\d)|\(\s*\)|“\s*”|\b(?:null|undefined)\b")]
    private static partial Regex Gap();
}
