using AngleSharp.Html.Parser;
using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed class FollowUpAndStayInTouchTests
{
    private static readonly DraftVariety Today = new("maya", "zoe@example.org", new DateOnly(2026, 3, 13));

    [Fact]
    public void The_follow_up_refers_to_the_first_note_and_asks_again_politely()
    {
        var draft = FollowUpComposer.English.Compose(new FollowUpRequest(DraftingData.Maya, DraftingData.Cold, new DateOnly(2026, 3, 2), Today));

        var body = draft.ToPlainText();
        Assert.Contains("March 2", body, StringComparison.Ordinal);
        Assert.StartsWith("Hi Zoë,|Hello Zoë,|Dear Zoë,".Split('|').Single(g => body.StartsWith(g, StringComparison.Ordinal)), body, StringComparison.Ordinal);
        var findings = OutreachChecker.English.Check(draft.Subject, body, new OutreachCheckContext(KnownNames: ["Shopify"]));
        // A follow-up is short, asks a question and never mentions jobs or leaves a gap.
        Assert.DoesNotContain(findings, f => f.Rule is OutreachRule.OverPreferredLength or OutreachRule.OverMaximumLength
            or OutreachRule.AskNotAQuestion or OutreachRule.JobSeekingWord or OutreachRule.Placeholder or OutreachRule.EmptyField);
    }

    [Fact]
    public void Only_one_follow_up_is_ever_written()
    {
        var second = new FollowUpRequest(DraftingData.Maya, DraftingData.Cold, new DateOnly(2026, 3, 2), Today, FollowUpsAlreadySent: 1);

        Assert.Throws<InvalidOperationException>(() => FollowUpComposer.English.Compose(second));
    }

    [Fact]
    public void The_stay_in_touch_update_reports_the_advice_acted_on_and_its_result()
    {
        var draft = StayInTouchComposer.English.Compose(new StayInTouchRequest(DraftingData.Maya, DraftingData.Cold,
            "Build a portfolio of three real projects", Today, "Built one around open transit data", "Two people asked to see it",
            new DateOnly(2025, 11, 20)));

        var body = draft.ToPlainText();
        Assert.Contains("“Build a portfolio of three real projects.”", body, StringComparison.Ordinal);
        Assert.Contains("I built one around open transit data.", body, StringComparison.Ordinal);
        Assert.Contains("two people asked to see it.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_optional_values_drop_their_sentences_instead_of_leaving_gaps()
    {
        var draft = StayInTouchComposer.English.Compose(new StayInTouchRequest(DraftingData.Maya, DraftingData.Cold with { Organisation = null },
            "Talk to more people in the field", Today));

        var body = draft.ToPlainText();
        Assert.Contains("“Talk to more people in the field.”", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\s[,.]|\bI \.|: \.|\{|\}", body);
        Assert.DoesNotContain("As a result", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linkedin_link_is_offered_only_when_it_is_a_real_web_address()
    {
        var withLink = DraftingData.Maya with { LinkedInUrl = "https://www.linkedin.com/in/maya-lopez" };
        var withScript = DraftingData.Maya with { LinkedInUrl = "javascript:alert(1)" };

        var good = StayInTouchComposer.English.Compose(new StayInTouchRequest(withLink, DraftingData.Cold, "Network more", Today, OfferLinkedIn: true)).ToHtml();
        var bad = StayInTouchComposer.English.Compose(new StayInTouchRequest(withScript, DraftingData.Cold, "Network more", Today, OfferLinkedIn: true)).ToHtml();

        var anchor = Assert.Single(new HtmlParser().ParseDocument(good).QuerySelectorAll("a"));
        Assert.Equal("https://www.linkedin.com/in/maya-lopez", anchor.GetAttribute("href"));
        Assert.Empty(new HtmlParser().ParseDocument(bad).QuerySelectorAll("a"));
        Assert.DoesNotContain("javascript", bad, StringComparison.Ordinal);
    }
}
