using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed partial class OutreachComposerTests
{
    private static readonly OutreachComposer Composer = OutreachComposer.English;
    private static readonly DraftVariety Today = new("maya", "zoe@example.org", new DateOnly(2026, 3, 2), 0);

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void Every_generated_outreach_draft_passes_the_checker(DraftLanguage language)
    {
        var failures = new List<string>();
        foreach (var request in DraftingData.People(400, language: language).Select(p => p.Outreach))
        {
            var draft = OutreachComposer.For(request.Recipient).Compose(request);
            var findings = OutreachChecker.For(language).Check(draft.Subject, draft.ToPlainText(), OutreachComposer.CheckContextFor(request));
            if (findings.Count > 0)
                failures.Add($"{draft.Subject}\n{draft.ToPlainText()}\n  -> {string.Join("; ", findings.Select(f => f.Rule))}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} drafts broke a rule:\n\n{string.Join("\n\n", failures.Take(5))}");
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void No_generated_draft_contains_a_placeholder_or_a_gap(DraftLanguage language)
    {
        foreach (var request in DraftingData.People(400, seed: 11, language).Select(p => p.Outreach))
        {
            var draft = OutreachComposer.For(request.Recipient).Compose(request);
            var all = draft.Subject + "\n" + draft.ToPlainText();
            Assert.DoesNotMatch(RawPlaceholder(), all);
            Assert.DoesNotContain("  ", draft.ToPlainText().Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotMatch(GapBeforePunctuation(), all);
        }
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void Subjects_have_three_or_four_words(DraftLanguage language)
    {
        foreach (var request in DraftingData.People(200, seed: 3, language).Select(p => p.Outreach))
        {
            var words = OutreachChecker.CountWords(OutreachComposer.For(request.Recipient).Compose(request).Subject);
            Assert.InRange(words, 3, 4);
        }
    }

    [Fact]
    public void A_referral_names_the_referrer_first_and_in_the_subject()
    {
        var draft = Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Cold, Today, new DraftReferrer("Renée D'Souza")));

        var body = draft.ToPlainText();
        var firstSentence = body.Split("\n\n")[1].Split(". ")[0];
        Assert.Contains("Renée", firstSentence, StringComparison.Ordinal);
        Assert.Contains("Renée", draft.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Warm_cold_and_referral_versions_read_differently()
    {
        var cold = Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Cold, Today)).ToPlainText();
        var warm = Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Warm, Today)).ToPlainText();
        var referral = Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Cold, Today, new DraftReferrer("Li Wei"))).ToPlainText();

        Assert.Equal(3, new[] { FirstSentence(cold), FirstSentence(warm), FirstSentence(referral) }.Distinct().Count());
        Assert.Contains("my co-op", FirstSentence(warm), StringComparison.Ordinal);
        Assert.DoesNotContain("Li Wei", cold, StringComparison.Ordinal);
        Assert.Contains("Li Wei", FirstSentence(referral), StringComparison.Ordinal);
        // The ask itself is worded for a stranger or for someone they know.
        Assert.NotEqual(AskSentence(cold), AskSentence(warm));
    }

    [Fact]
    public void Every_draft_asks_for_15_to_30_minutes_as_a_question_and_offers_coffee_or_a_call()
    {
        foreach (var request in DraftingData.OutreachRequests(100, seed: 5))
        {
            var body = Composer.Compose(request).ToPlainText();
            var ask = AskSentence(body);
            Assert.Contains("15–30", ask, StringComparison.Ordinal);
            Assert.EndsWith("?", ask, StringComparison.Ordinal);
            Assert.Matches(CoffeeOrCall(), body);
        }
    }

    [Fact]
    public void Interest_is_stated_narrowly_and_broadly()
    {
        var body = Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Cold, Today)).ToPlainText();

        Assert.Contains("Shopify", body, StringComparison.Ordinal);
        Assert.Contains("data science", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_person_on_the_same_day_gets_the_same_draft()
    {
        var request = new OutreachRequest(DraftingData.Maya, DraftingData.Cold, new DraftVariety("maya", "zoe@example.org", new DateOnly(2026, 3, 2)));

        Assert.Equal(Composer.Compose(request), Composer.Compose(request) with { }, CompositionComparer.Instance);
    }

    [Fact]
    public void People_contacted_the_same_day_get_different_wording()
    {
        var day = new DateOnly(2026, 3, 2);
        var texts = Enumerable.Range(0, 20)
            .Select(i => Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Cold, new DraftVariety("maya", "zoe@example.org", day, i))))
            .Select(d => d.Subject + "\n" + d.ToPlainText())
            .ToList();

        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public void Each_part_has_at_least_three_distinct_phrasings()
    {
        TemplateSlot[] parts =
        [
            TemplateSlots.ConnectionReferral, TemplateSlots.ConnectionCold, TemplateSlots.ConnectionManager, TemplateSlots.ConnectionCoopTeammate, TemplateSlots.ConnectionColleague,
            TemplateSlots.ConnectionFamily, TemplateSlots.ConnectionFriend, TemplateSlots.ConnectionFriendOfFriend, TemplateSlots.ConnectionAlumni, TemplateSlots.ConnectionProfessor, TemplateSlots.ConnectionOtherWarm,
            TemplateSlots.OutreachInterest, TemplateSlots.OutreachAskWarm, TemplateSlots.OutreachAskCold, TemplateSlots.OutreachOffer,
            TemplateSlots.OutreachSubjectWarm, TemplateSlots.OutreachSubjectCold, TemplateSlots.OutreachSubjectReferral,
        ];
        foreach (var part in parts)
            Assert.True(DraftTemplates.English.Variants(part).Select(t => t.Text).Distinct().Count() >= 3, part.Key);
    }

    [Fact]
    public void User_text_is_encoded_in_the_html_form()
    {
        var recipient = DraftingData.Cold with { Organisation = "<script>alert(1)</script> & Co" };
        var html = Composer.Compose(new OutreachRequest(DraftingData.Maya, recipient, Today)).ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script> & Co", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("file:///etc/passwd")]
    public void A_link_that_is_not_a_web_address_is_never_emitted(string address)
    {
        Assert.Null(TextSpan.TryParseLink(address));
        Assert.Throws<ArgumentException>(() => new TextSpan("click", new Uri(address)));
    }

    [Fact]
    public void Plain_text_and_html_carry_the_same_words()
    {
        var draft = Composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Warm, Today, new DraftReferrer("Siobhán O'Connor")));

        var paragraphs = new HtmlParser().ParseDocument(draft.ToHtml()).QuerySelectorAll("p")
            .Select(p => string.Concat(p.ChildNodes.Select(n => n.NodeName == "BR" ? "\n" : n.TextContent)));
        Assert.Equal(draft.ToPlainText(), string.Join("\n\n", paragraphs));
    }

    private static string FirstSentence(string body) => Regex.Split(body.Split("\n\n")[1], @"(?<=[.?!])\s")[0];

    private static string AskSentence(string body) => Regex.Split(body.Split("\n\n")[1], @"(?<=[.?!])\s").Single(s => s.Contains("minute", StringComparison.Ordinal));

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]")]
    private static partial Regex RawPlaceholder();

    // An ordinary space or a line break before punctuation is a gap; French sets a non-breaking space before ":".
    [GeneratedRegex(@"[ \t\n][,.;:?!]")]
    private static partial Regex GapBeforePunctuation();

    [GeneratedRegex(@"coffee|call|phone")]
    private static partial Regex CoffeeOrCall();
}

/// <summary>Compares compositions by what they say (the records hold lists, which compare by reference).</summary>
internal sealed class CompositionComparer : IEqualityComparer<Composition>
{
    public static CompositionComparer Instance { get; } = new();

    public bool Equals(Composition? x, Composition? y) =>
        x is not null && y is not null && x.Subject == y.Subject && x.ToHtml() == y.ToHtml();

    public int GetHashCode(Composition obj) => obj.Subject.GetHashCode(StringComparison.Ordinal);
}
