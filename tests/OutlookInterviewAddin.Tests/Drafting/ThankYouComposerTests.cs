using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed class ThankYouComposerTests
{
    private static readonly ThankYouComposer Composer = ThankYouComposer.English;
    private static readonly DraftVariety Today = new("maya", "zoe@example.org", new DateOnly(2026, 3, 4));

    private static readonly string[] Takeaways =
    [
        "Learn SQL properly before anything else",
        "Build a portfolio of three real projects, each with a short write-up of what you learned.",
        "Don't take the first offer without talking to the team",
    ];

    [Fact]
    public void Thank_you_draft_quotes_the_chosen_takeaway()
    {
        for (var chosen = 0; chosen < Takeaways.Length; chosen++)
        {
            var draft = Compose(new DraftInterview(new DateOnly(2026, 3, 3), Takeaways, chosen));

            var body = draft.ToPlainText();
            Assert.Contains("“" + Takeaways[chosen], body, StringComparison.Ordinal);
            foreach (var other in Takeaways.Where((_, i) => i != chosen))
                Assert.DoesNotContain(other, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_very_long_takeaway_is_shortened_faithfully_and_marked_as_shortened()
    {
        var longTip = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));

        var body = Compose(new DraftInterview(new DateOnly(2026, 3, 3), [longTip], 0)).ToPlainText();

        var opening = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"word{i}"));
        Assert.Contains("“" + opening + "…”", body, StringComparison.Ordinal);
        Assert.DoesNotContain("word31", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_referral_sentence_appears_only_when_people_were_recommended()
    {
        var withReferral = Compose(new DraftInterview(new DateOnly(2026, 3, 3), Takeaways, 0, ["Priya Patel", "Sam O'Neil"])).ToPlainText();
        var without = Compose(new DraftInterview(new DateOnly(2026, 3, 3), Takeaways, 0, [])).ToPlainText();

        Assert.Contains("Priya Patel and Sam O'Neil", withReferral, StringComparison.Ordinal);
        Assert.Matches("(reach out to|get in touch with|contact) Priya Patel and Sam O'Neil", withReferral);
        Assert.DoesNotMatch("reach out to|get in touch with|contact ", without);
        Assert.DoesNotContain("suggested", without, StringComparison.Ordinal);
    }

    [Fact]
    public void It_says_how_the_advice_will_be_used_in_the_users_words()
    {
        var body = Compose(new DraftInterview(new DateOnly(2026, 3, 3), Takeaways, 0), "Sign up for the evening SQL course.").ToPlainText();

        Assert.Contains("sign up for the evening SQL course.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("course..", body, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_plan_it_thanks_says_it_will_report_back_and_stays_short()
    {
        var body = Compose(new DraftInterview(new DateOnly(2026, 3, 3), Takeaways, 1, ["Priya Patel"]), "start my portfolio site this weekend").ToPlainText();

        Assert.Matches("[Tt]hank|appreciated", body);
        Assert.Matches("let you know|keep you posted|tell you how", body);
        Assert.InRange(OutreachChecker.CountWords(body), 30, 110);
        Assert.DoesNotMatch(@"\{|\}|\[|\]", body);
    }

    [Fact]
    public void Choosing_a_takeaway_that_is_not_in_the_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Compose(new DraftInterview(new DateOnly(2026, 3, 3), Takeaways, 5)));
    }

    [Fact]
    public void Takeaways_are_encoded_in_the_html_form()
    {
        var html = Compose(new DraftInterview(new DateOnly(2026, 3, 3), ["Use <b>tags</b> & \"quotes\" wisely"], 0)).ToHtml();

        Assert.Contains("&lt;b&gt;tags&lt;/b&gt; &amp;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    private static Composition Compose(DraftInterview interview, string? action = null) =>
        Composer.Compose(new ThankYouRequest(DraftingData.Maya, DraftingData.Cold, interview, Today, action));
}
