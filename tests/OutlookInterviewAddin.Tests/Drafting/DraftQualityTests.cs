using System.Text.RegularExpressions;
using OutlookInterviewAddin.Drafting;
using Xunit.Abstractions;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>
/// What a careful reader notices, checked over generated students and people of every connection
/// kind, with and without organisation, role, city, school and referrer: articles, capitals,
/// repetition, the voice toward each person, length, the plan in the thank-you, and variety.
/// </summary>
public sealed partial class DraftQualityTests(ITestOutputHelper output)
{
    private static readonly List<GeneratedPerson> Generated = [.. DraftingData.People(400, seed: 31)];

    private static readonly List<GeneratedPerson> GeneratedFrench = [.. DraftingData.People(400, seed: 31, DraftLanguage.Fr)];

    private static List<GeneratedPerson> GeneratedIn(DraftLanguage language) => language == DraftLanguage.Fr ? GeneratedFrench : Generated;

    private static readonly DateOnly Day = new(2026, 3, 12);

    // The article each value takes, written out by hand: "an MBA", "a UX", "an urban", "a university".
    private static readonly Dictionary<string, string> Articles = new(StringComparer.Ordinal)
    {
        ["MBA"] = "an", ["UX"] = "a", ["Urban Planning"] = "an", ["urban planner"] = "an", ["Economics"] = "an", ["economist"] = "an",
        ["Environmental Engineering"] = "an", ["engineer"] = "an", ["HR business partner"] = "an", ["Hiring Lead"] = "a",
        ["Computer Science"] = "a", ["Communications"] = "a", ["Senior Data Analyst"] = "a", ["Associate Director"] = "an",
        ["UX researcher"] = "a", ["nurse practitioner"] = "a", ["product designer"] = "a",
    };

    // Names that take "the" inside a sentence, and names that never do.
    private static readonly string[] TakeThe =
        ["University of Waterloo", "University of British Columbia", "Ontario Ministry of Transportation", "Vector Institute", "Bank of Montreal",
         "Ministry of Health and Long-Term Care of Ontario", "International Bank for Reconstruction and Development", "Globe and Mail", "Université de Montréal"];

    private static readonly string[] NeverThe = ["UBC", "Shopify", "McGill University", "Hydro-Québec", "L'Oréal Canada", "Toronto Metropolitan University"];

    [Fact]
    public void No_article_or_capital_errors_in_any_generated_draft()
    {
        var errors = new List<string>();
        foreach (var (person, drafts) in AllDrafts())
        {
            foreach (var draft in drafts)
            {
                var text = draft.Subject + "\n" + draft.ToPlainText();
                foreach (var (value, article) in Articles)
                {
                    foreach (Match m in Regex.Matches(text, $@"\b(an?) {Regex.Escape(value)}\b", RegexOptions.IgnoreCase))
                    {
                        if (!m.Groups[1].Value.Equals(article, StringComparison.OrdinalIgnoreCase))
                            errors.Add($"“{m.Value}” in: {text}");
                    }
                }
                foreach (var name in TakeThe)
                {
                    foreach (Match m in Regex.Matches(text, $@"(\S+) {Regex.Escape(name)}"))
                    {
                        if (m.Groups[1].Value is not ("the" or "The" or "fellow") && !m.Groups[1].Value.EndsWith('“'))
                            errors.Add($"no “the” before {name}: “{m.Value}”");
                    }
                }
                foreach (var name in NeverThe)
                {
                    if (Regex.IsMatch(text, $@"\b[Tt]he {Regex.Escape(name)}\b(?! alumni)"))
                        errors.Add($"“the {name}” in: {text}");
                }
                // A capital "The" mid-sentence, "the the", "a a".
                foreach (Match m in MidSentenceThe().Matches(text))
                    errors.Add($"capital “The” mid-sentence: “{m.Value}” in: {text}");
                if (DoubledArticle().IsMatch(text))
                    errors.Add($"doubled article in: {text}");
            }
        }
        Assert.True(errors.Count == 0, $"{errors.Count} errors, first ones:\n{string.Join("\n\n", errors.Take(6))}");
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void No_merged_value_is_said_twice_in_neighbouring_sentences(DraftLanguage language)
    {
        var errors = new List<string>();
        foreach (var (person, drafts) in AllDrafts(language))
        {
            string?[] values = [person.Recipient.Organisation, person.Recipient.Role, person.Recipient.Field, person.Recipient.City,
                person.Recipient.SharedContext, person.Sender.School, person.Sender.Program];
            foreach (var draft in drafts.Take(4))
            {
                var sentences = BodySentences(draft);
                for (var i = 1; i < sentences.Count; i++)
                {
                    foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length > 2))
                    {
                        if (Says(sentences[i - 1], value!) && Says(sentences[i], value!))
                            errors.Add($"“{value}” twice in a row:\n{sentences[i - 1]}\n{sentences[i]}");
                    }
                }
            }
        }
        Assert.True(errors.Count == 0, $"{errors.Count} repetitions, first ones:\n{string.Join("\n\n", errors.Take(6))}");
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void The_checker_finds_nothing_in_any_composed_outreach_draft(DraftLanguage language)
    {
        var failures = GeneratedIn(language)
            .Select(p => (p, draft: OutreachComposer.For(p.Recipient).Compose(p.Outreach)))
            .Select(x => (x.draft, findings: OutreachChecker.For(language).Check(x.draft.Subject, x.draft.ToPlainText(), OutreachComposer.CheckContextFor(x.p.Outreach))))
            .Where(x => x.findings.Count > 0)
            .Select(x => $"{x.draft.Subject}\n{x.draft.ToPlainText()}\n -> {string.Join("; ", x.findings.Select(f => f.Message))}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} drafts broke a rule:\n\n{string.Join("\n\n", failures.Take(4))}");
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void Outreach_drafts_are_50_to_75_words_with_a_median_of_70_or_less(DraftLanguage language)
    {
        var drafts = GeneratedIn(language).Select(p => OutreachComposer.For(p.Recipient).Compose(p.Outreach).ToPlainText()).ToList();
        var outside = drafts.Where(d => OutreachChecker.MessageWords(d) is < 50 or > 75).ToList();
        Assert.True(outside.Count == 0, $"{outside.Count} drafts outside 50–75 words:\n\n{string.Join("\n\n", outside.Take(3))}");
        var counts = drafts.Select(OutreachChecker.MessageWords).Order().ToList();
        output.WriteLine($"Outreach words over {counts.Count} generated drafts: min {counts[0]}, median {counts[counts.Count / 2]}, max {counts[^1]}, " +
            $"at 74–75: {counts.Count(c => c >= 74)}, over 70: {counts.Count(c => c > 70)}, distinct lengths: {counts.Distinct().Count()}");
        Assert.True(counts[counts.Count / 2] <= 70, $"median {counts[counts.Count / 2]}");
        // Not piled up against the limit: many lengths, few at the very edge.
        Assert.True(counts.Distinct().Count() >= 12, string.Join(", ", counts.Distinct()));
        Assert.True(counts.Count(c => c >= 74) < counts.Count / 10, $"{counts.Count(c => c >= 74)} of {counts.Count} at 74–75 words");
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void Each_person_is_greeted_and_signed_off_to_the_same_way_in_every_mail(DraftLanguage language)
    {
        foreach (var (person, drafts) in AllDrafts(language))
        {
            var greetings = drafts.Take(4).Select(d => d.ToPlainText().Split('\n')[0]).Distinct().ToList();
            var signOffs = drafts.Take(4).Select(SignOff).Distinct().ToList();
            Assert.True(greetings.Count == 1, $"{person.Recipient.Connection}: {string.Join(" | ", greetings)}");
            Assert.True(signOffs.Count == 1, $"{person.Recipient.Connection}: {string.Join(" | ", signOffs)}");
        }
    }

    [Fact]
    public void The_greeting_fits_the_relationship()
    {
        foreach (var (person, drafts) in AllDrafts())
        {
            var recipient = person.Recipient;
            var greeting = drafts[0].ToPlainText().Split('\n')[0];
            var name = recipient.GreetAs ?? recipient.FullName.Split(' ')[0];
            Assert.Matches($@"^\w+ {Regex.Escape(name)},$", greeting);
            if (recipient.FullName.Contains(' ', StringComparison.Ordinal) && recipient.GreetAs is null)
                Assert.DoesNotContain(recipient.FullName, greeting, StringComparison.Ordinal);
            if (recipient.Connection is ConnectionKind.Family or ConnectionKind.Friend)
                Assert.DoesNotMatch("^(Dear|Good day) ", greeting);
            if (recipient.GreetAs?.StartsWith("Dr.", StringComparison.Ordinal) == true)
                Assert.Matches("^(Dear|Hello|Hi) Dr. ", greeting);
        }
    }

    [Fact]
    public void What_is_said_suits_how_the_student_knows_the_person()
    {
        foreach (var person in Generated)
        {
            var (sender, recipient) = (person.Sender, person.Recipient);
            var body = BodyText(OutreachComposer.English.Compose(person.Outreach));
            var kind = recipient.Connection;
            // Family and friends already know what the student studies and where.
            if (kind is ConnectionKind.Family or ConnectionKind.Friend)
            {
                string?[] theirs = [recipient.Organisation, recipient.Role, recipient.Field];
                foreach (var known in new[] { sender.Program, sender.School }.Where(v => v is not null && !theirs.Any(t => t?.Contains(v, StringComparison.Ordinal) == true)))
                    Assert.False(body.Contains(known!, StringComparison.Ordinal), $"{kind} told “{known}”: {body}");
            }
            if (kind is ConnectionKind.Alumni or ConnectionKind.FriendOfFriend or ConnectionKind.Cold)
                Assert.DoesNotMatch(@"(?i)great to meet you|since we met|our conversation", body);
            if (kind is not (ConnectionKind.Family))
                Assert.DoesNotMatch(@"(?i)\bfamily\b", body);
            Assert.DoesNotMatch(@"(?i)^We met, and", body);
        }
    }

    [Fact]
    public void The_thank_you_cites_the_tip_verbatim_and_the_plan_when_there_is_one()
    {
        foreach (var person in Generated)
        {
            var body = ThankYou(person).ToPlainText();
            var tip = person.Interview.Chosen.TrimEnd('.');
            Assert.Contains("“" + tip, body, StringComparison.Ordinal);
            var promises = PromisesNews().IsMatch(body);
            if (person.Plan is null)
            {
                Assert.False(promises, $"promises news without a plan: {body}");
                continue;
            }
            Assert.True(promises, $"a plan but no word of reporting back: {body}");
            var plan = person.Plan.TrimEnd('.');
            var expected = plan.StartsWith("to ", StringComparison.Ordinal) ? plan[3..] : plan;
            Assert.Contains(expected, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sign up for the spring hackathon", "sign up for the spring hackathon.")]
    [InlineData("signed up for the spring hackathon", "I signed up for the spring hackathon.")]
    [InlineData("I've already signed up for the spring hackathon", "I've already signed up for the spring hackathon.")]
    [InlineData("To apply to the summer program", "apply to the summer program.")]
    [InlineData("Took the SQL course", "I took the SQL course.")]
    public void The_plan_reads_as_the_student_wrote_it(string plan, string expected)
    {
        var person = Generated[0];
        var body = ThankYouComposer.English.Compose(new ThankYouRequest(person.Sender, person.Recipient, person.Interview, person.Variety, plan)).ToPlainText();

        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Warm_contacts_get_a_warm_thank_you()
    {
        var family = new DraftRecipient("Renée D'Souza", "renee@example.org", "Shopify", Connection: ConnectionKind.Family);
        var interview = new DraftInterview(new DateOnly(2026, 3, 3), ["Talk to three engineers before you choose"], 0);
        var variety = new DraftVariety("maya", family.Email, Day);

        var aunt = ThankYouComposer.English.Compose(new ThankYouRequest(DraftingData.Maya, family, interview, variety)).ToPlainText();
        var stranger = ThankYouComposer.English.Compose(new ThankYouRequest(DraftingData.Maya, DraftingData.Cold, interview, variety)).ToPlainText();

        Assert.StartsWith("H", aunt, StringComparison.Ordinal); // Hi, Hey or Hello, never "Dear Renée"
        Assert.DoesNotContain("Renée D'Souza", aunt, StringComparison.Ordinal);
        Assert.NotEqual(SignOff(Parse(aunt)), SignOff(Parse(stranger)));
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void At_least_three_subjects_per_kind_across_recipients(DraftLanguage language)
    {
        foreach (var kind in DraftingData.Kinds)
        {
            var people = GeneratedIn(language).Where(p => p.Recipient.Connection == kind && p.Outreach.Referrer is null).ToList();
            var outreach = people.Select(p => Normalize(OutreachComposer.For(p.Recipient).Compose(p.Outreach).Subject, p)).Distinct().Count();
            var thanks = people.Select(p => Normalize(ThankYou(p).Subject, p)).Distinct().Count();
            Assert.True(outreach >= 3, $"{kind}: {outreach} outreach subjects");
            Assert.True(thanks >= 3, $"{kind}: {thanks} thank-you subjects");
        }
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void Two_students_writing_to_the_same_kind_of_person_on_the_same_day_get_different_drafts(DraftLanguage language)
    {
        foreach (var kind in DraftingData.Kinds)
        {
            var recipient = DraftingData.Cold with { Connection = kind, SharedContext = kind == ConnectionKind.Cold ? null : "the fall term", Language = language };
            var drafts = Enumerable.Range(0, 40).Select(i =>
            {
                var variety = new DraftVariety($"student-{i}", recipient.Email, Day);
                // Same profile for every student: only the wording can tell them apart.
                var outreach = OutreachComposer.For(recipient).Compose(new OutreachRequest(DraftingData.Maya, recipient, variety));
                var thanks = ThankYouComposer.For(recipient).Compose(new ThankYouRequest(DraftingData.Maya, recipient,
                    new DraftInterview(Day, ["Talk to three engineers before you choose"], 0), variety));
                return (Outreach: outreach.Subject + outreach.ToPlainText(), ThankYou: thanks.Subject + thanks.ToPlainText());
            }).ToList();
            // Their own names and details always set them apart; the wording alone does for nearly all.
            Assert.True(drafts.Select(d => d.Outreach).Distinct().Count() >= 38, $"{kind}: {drafts.Select(d => d.Outreach).Distinct().Count()} of 40");
            Assert.True(drafts.Select(d => d.ThankYou).Distinct().Count() >= 38, $"{kind}: {drafts.Select(d => d.ThankYou).Distinct().Count()} of 40");
            var named = Enumerable.Range(0, 40).Select(i => OutreachComposer.For(recipient).Compose(new OutreachRequest(
                new DraftSender($"Student {i}", "University of Waterloo", "Computer Science", ["data science"], "Toronto"), recipient, new DraftVariety($"student-{i}", recipient.Email, Day))).ToPlainText());
            Assert.Equal(40, named.Distinct().Count());
        }
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void One_student_writing_to_ten_people_opens_each_mail_differently(DraftLanguage language)
    {
        foreach (var kind in DraftingData.Kinds)
        {
            var openings = Enumerable.Range(0, 10).Select(i =>
            {
                var recipient = new DraftRecipient("Zoë O'Brien", $"p{i}@example.org", "Shopify", "Senior Data Analyst", "data science", Connection: kind, Language: language);
                var body = OutreachComposer.For(recipient).Compose(new OutreachRequest(DraftingData.Maya, recipient, new DraftVariety("maya", recipient.Email, Day, i)));
                return BodySentences(body)[0];
            }).ToList();
            Assert.True(openings.Distinct().Count() >= 4, $"{kind}: {string.Join(" | ", openings.Distinct())}");
            Assert.True(openings.GroupBy(o => o).Max(g => g.Count()) <= 3, $"{kind}: one opening used more than 3 times in 10");
        }
    }

    [Theory]
    [InlineData(DraftLanguage.En)]
    [InlineData(DraftLanguage.Fr)]
    public void Every_part_of_every_draft_has_at_least_three_phrasings(DraftLanguage language)
    {
        // French greets by "Bonjour" (and "Salut" with tu): "Cher" or "Chère" would need a gender the data does not give.
        var greetings = language == DraftLanguage.Fr ? new[] { TemplateSlots.GreetingWarm, TemplateSlots.GreetingFormal } : [];
        foreach (var address in new[] { AddressForm.Vous, AddressForm.Tu })
        {
            foreach (var slot in TemplateSlots.All.Where(s => s != TemplateSlots.OutreachSubjectFallback && !greetings.Contains(s)))
                Assert.True(DraftTemplates.For(language, address).Variants(slot).Select(t => t.Text).Distinct().Count() >= 3, $"{slot.Key} ({address})");
        }
    }

    private static IEnumerable<(GeneratedPerson Person, Composition[] Drafts)> AllDrafts(DraftLanguage language = DraftLanguage.En) =>
        GeneratedIn(language).Select(p => (p, new[]
        {
            OutreachComposer.For(p.Recipient).Compose(p.Outreach),
            ThankYou(p),
            FollowUpComposer.For(p.Recipient).Compose(new FollowUpRequest(p.Sender, p.Recipient, Day.AddDays(-9), p.Variety)),
            StayInTouchComposer.For(p.Recipient).Compose(new StayInTouchRequest(p.Sender, p.Recipient, p.Interview.Chosen, p.Variety,
                p.Plan is null ? null : "kept at it", null, Day.AddDays(-120))),
        }));

    private static Composition ThankYou(GeneratedPerson p) =>
        ThankYouComposer.For(p.Recipient).Compose(new ThankYouRequest(p.Sender, p.Recipient, p.Interview, p.Variety, p.Plan));

    // The message between the greeting and the sign-off.
    private static string BodyText(Composition draft) => string.Join(' ', draft.Blocks.Skip(1).SkipLast(1).OfType<ParagraphBlock>()
        .Select(b => string.Concat(b.Spans.Select(s => s.Text))));

    private static List<string> BodySentences(Composition draft) =>
        [.. SentenceEnd().Split(BodyText(draft)).Where(s => s.Length > 0)];

    private static string SignOff(Composition draft) => draft.ToPlainText().Split("\n\n")[^1].Split('\n')[0];

    private static Composition Parse(string text) => new("", [.. text.Split("\n\n").Select(p => ParagraphBlock.FromLines(p.Split('\n')))]);

    private static bool Says(string sentence, string value) =>
        Regex.IsMatch(sentence, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase);

    private static string Normalize(string subject, GeneratedPerson p) =>
        subject.Replace(p.Recipient.GreetingName, "NAME", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=[.!?…”])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=[\p{Ll},;:] )The\b")]
    private static partial Regex MidSentenceThe();

    [GeneratedRegex(@"(?i)\b(the|a|an) (the|a|an)\b")]
    private static partial Regex DoubledArticle();

    [GeneratedRegex(@"(?i)let you know|keep you posted|tell you how|report back")]
    private static partial Regex PromisesNews();
}
