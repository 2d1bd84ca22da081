using System.Globalization;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>
/// What a French reader notices, over generated students and people of every connection kind:
/// elision and articles before organisations and fields, tu or vous held in every sentence, the
/// greeting for the relationship, French dates, and the same rules as in English.
/// </summary>
public sealed partial class FrenchDraftsTests
{
    private static readonly List<GeneratedPerson> Generated = [.. DraftingData.People(300, seed: 43, DraftLanguage.Fr)];

    private static readonly DateOnly Day = new(2026, 3, 12);

    private static readonly MergeGrammar Grammar = DraftTemplates.For(DraftLanguage.Fr).Grammar;

    private static IEnumerable<(GeneratedPerson Person, Composition[] Drafts)> AllDrafts() =>
        Generated.Select(p => (p, new[]
        {
            OutreachComposer.For(p.Recipient).Compose(p.Outreach),
            ThankYouComposer.For(p.Recipient).Compose(new ThankYouRequest(p.Sender, p.Recipient, p.Interview, p.Variety, p.Plan)),
            FollowUpComposer.For(p.Recipient).Compose(new FollowUpRequest(p.Sender, p.Recipient, Day.AddDays(-9), p.Variety)),
            StayInTouchComposer.For(p.Recipient).Compose(new StayInTouchRequest(p.Sender, p.Recipient, p.Interview.Chosen, p.Variety,
                p.Plan is null ? null : "continué sur cette lancée", null, Day.AddDays(-120))),
            QuestionListRenderer.For(p.Recipient).Render(new QuestionListRequest(p.Recipient,
                new MeetingPlan(new DateTimeOffset(2026, 3, 10, 19, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero), "America/Toronto"),
                QuestionAgenda.For(DraftLanguage.Fr))).Body,
        }));

    [Theory]
    [InlineData("Université de Montréal", "le", "organisation", "l'Université de Montréal")]
    [InlineData("Université de Montréal", "à", "organisation", "à l'Université de Montréal")]
    [InlineData("Université de Montréal", "chez", "organisation", "à l'Université de Montréal")]
    [InlineData("Université Laval", "de", "school", "de l'Université Laval")]
    [InlineData("ministère de la Santé", "chez", "organisation", "au ministère de la Santé")]
    [InlineData("ministère de la Santé", "de", "organisation", "du ministère de la Santé")]
    [InlineData("transition énergétique", "de", "field", "de la transition énergétique")]
    [InlineData("mobilité durable", "le", "field", "la mobilité durable")]
    [InlineData("Banque Nationale", "à", "organisation", "à la Banque Nationale")]
    [InlineData("Banque Nationale", "de", "organisation", "de la Banque Nationale")]
    [InlineData("Hydro-Québec", "chez", "organisation", "chez Hydro-Québec")]
    [InlineData("Hydro-Québec", "de", "organisation", "d'Hydro-Québec")]
    [InlineData("Hydro-Québec", "le", "organisation", "Hydro-Québec")]
    [InlineData("Shopify", "chez", "organisation", "chez Shopify")]
    [InlineData("Shopify", "de", "organisation", "de Shopify")]
    [InlineData("Air Canada", "de", "organisation", "d'Air Canada")]
    [InlineData("Hôpital Sainte-Justine", "à", "organisation", "à l'Hôpital Sainte-Justine")]
    [InlineData("Institut national de la recherche scientifique", "à", "organisation", "à l'Institut national de la recherche scientifique")]
    [InlineData("Affaires mondiales Canada", "chez", "organisation", "aux Affaires mondiales Canada")]
    [InlineData("Affaires mondiales Canada", "de", "organisation", "des Affaires mondiales Canada")]
    [InlineData("Le Devoir", "chez", "organisation", "au Devoir")]
    [InlineData("Le Devoir", "de", "organisation", "du Devoir")]
    [InlineData("La Presse", "chez", "organisation", "chez La Presse")]
    [InlineData("L'Oréal Canada", "chez", "organisation", "chez L'Oréal Canada")]
    [InlineData("santé publique", "le", "field", "la santé publique")]
    [InlineData("santé publique", "de", "field", "de la santé publique")]
    [InlineData("journalisme", "de", "field", "du journalisme")]
    [InlineData("urbanisme", "le", "field", "l'urbanisme")]
    [InlineData("urbanisme", "de", "field", "de l'urbanisme")]
    [InlineData("ressources humaines", "de", "field", "des ressources humaines")]
    [InlineData("ressources humaines", "à", "field", "aux ressources humaines")]
    [InlineData("hockey professionnel", "le", "field", "le hockey professionnel")]
    [InlineData("hockey professionnel", "de", "field", "du hockey professionnel")]
    [InlineData("intelligence artificielle", "le", "field", "l'intelligence artificielle")]
    [InlineData("marketing", "le", "field", "le marketing")]
    [InlineData("l'anniversaire de grand-maman", "à", "sharedContext", "à l'anniversaire de grand-maman")]
    [InlineData("le party de Sam", "à", "sharedContext", "au party de Sam")]
    [InlineData("ma colocataire Jess", "à", "sharedContext", "à ma colocataire Jess")]
    public void Articles_and_prepositions_before_a_value_read_as_in_french(string value, string form, string field, string expected)
    {
        Assert.Equal(expected, Grammar.Apply(value, form, atSentenceStart: false, field));
    }

    [Fact]
    public void A_value_that_starts_a_sentence_gets_a_capital_article()
    {
        Assert.Equal("L'Université de Montréal", Grammar.Apply("Université de Montréal", "le", atSentenceStart: true, "organisation"));
        Assert.Equal("Au ministère de la Santé", Grammar.Apply("ministère de la Santé", "chez", atSentenceStart: true, "organisation"));
    }

    [Fact]
    public void French_typography_a_non_breaking_space_before_the_colon_and_guillemets_around_a_quote()
    {
        var errors = new List<string>();
        var colons = 0;
        var quotes = 0;
        foreach (var (_, drafts) in AllDrafts())
        {
            foreach (var draft in drafts)
            {
                var text = draft.Subject + "\n" + draft.ToPlainText();
                foreach (Match colon in Regex.Matches(text, @"(.):(?!//)"))
                {
                    colons++;
                    if (colon.Groups[1].Value != "\u00A0") errors.Add($"“{Around(text, colon.Index)}”: no non-breaking space before the colon");
                }
                foreach (Match quote in Regex.Matches(text, "[“”\"]")) errors.Add($"“{Around(text, quote.Index)}”: English quotation marks");
                foreach (Match quote in Regex.Matches(text, "«(.)[^»]*?(.)»"))
                {
                    quotes++;
                    if (quote.Groups[1].Value != "\u00A0" || quote.Groups[2].Value != "\u00A0") errors.Add($"“{quote.Value}”: guillemets without non-breaking spaces inside");
                }
                // Canadian usage: no space before ; ? ! (nor a plain one anywhere before punctuation).
                foreach (Match gap in Regex.Matches(text, @"\s[;?!]")) errors.Add($"“{Around(text, gap.Index)}”: a space before {gap.Value.Trim()}");
            }
        }
        Assert.True(errors.Count == 0, $"{errors.Count} errors, first ones:\n{string.Join("\n", errors.Distinct().Take(8))}");
        // The drafts did write colons and quotes for the rule to be about.
        Assert.True(colons > 100 && quotes > 100, $"{colons} colons, {quotes} quotes");
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 20), Math.Min(text.Length - Math.Max(0, at - 20), 30)).Replace("\n", " / ");

    [Fact]
    public void No_elision_or_article_errors_in_any_generated_french_draft()
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal) { ["l'Université de Montréal"] = 0, ["chez Hydro-Québec"] = 0, ["au ministère de la Santé"] = 0 };
        foreach (var (_, drafts) in AllDrafts())
        {
            foreach (var draft in drafts)
            {
                var text = draft.Subject + "\n" + draft.ToPlainText();
                foreach (Match m in MissedElision().Matches(text))
                {
                    if (!Aspirated.Contains(m.Groups[2].Value))
                        errors.Add($"“{m.Value}” in: {text}");
                }
                foreach (Match m in UncontractedArticle().Matches(text))
                    errors.Add($"“{m.Value}” in: {text}");
                foreach (Match m in WrongGender().Matches(text))
                    errors.Add($"“{m.Value}” in: {text}");
                foreach (Match m in ElidedBeforeAspirated().Matches(text))
                    errors.Add($"“{m.Value}” in: {text}");
                foreach (var phrase in seen.Keys)
                    seen[phrase] += Regex.Count(text, Regex.Escape(phrase), RegexOptions.IgnoreCase);
            }
        }
        Assert.True(errors.Count == 0, $"{errors.Count} errors, first ones:\n{string.Join("\n\n", errors.Take(5))}");
        // The generated people did meet these names in the forms a reader expects.
        Assert.All(seen, s => Assert.True(s.Value > 0, $"never wrote “{s.Key}”"));
    }

    [Fact]
    public void A_vous_draft_never_says_tu_and_a_tu_draft_never_says_vous()
    {
        var errors = new List<string>();
        var counts = new Dictionary<AddressForm, int> { [AddressForm.Tu] = 0, [AddressForm.Vous] = 0 };
        foreach (var (person, drafts) in AllDrafts())
        {
            var address = person.Recipient.AddressInUse;
            counts[address]++;
            // The question list is in vous for everyone (its kits have no tu wording yet): the mails only.
            foreach (var draft in drafts.Take(4))
            {
                // Only the engine's words: what the user typed (an organisation, a tip) may say anything.
                var text = WithoutValues(draft.Subject + "\n" + draft.ToPlainText(), person);
                var wrong = address == AddressForm.Vous ? TuWords() : VousWords();
                foreach (Match m in wrong.Matches(text))
                    errors.Add($"{address} draft with “{m.Value}”: {text}");
                Assert.Matches(address == AddressForm.Vous ? VousWords() : TuWords(), text);
            }
        }
        Assert.True(errors.Count == 0, $"{errors.Count} errors, first ones:\n{string.Join("\n\n", errors.Take(5))}");
        Assert.True(counts[AddressForm.Tu] > 20 && counts[AddressForm.Vous] > 20, string.Join(", ", counts));
    }

    [Fact]
    public void Family_and_friends_are_tutoyes_and_others_vouvoyes_unless_the_user_chose()
    {
        foreach (var person in Generated)
        {
            var recipient = person.Recipient;
            var expected = recipient.Address ?? (recipient.Connection is ConnectionKind.Family or ConnectionKind.Friend ? AddressForm.Tu : AddressForm.Vous);
            Assert.Equal(expected, recipient.AddressInUse);
            var greeting = OutreachComposer.For(recipient).Compose(person.Outreach).ToPlainText().Split('\n')[0];
            Assert.Matches($@"^(Bonjour|Salut|Coucou|Allô) {Regex.Escape(recipient.GreetingName)},$", greeting);
            if (recipient.AddressInUse == AddressForm.Vous && recipient.Connection is not (ConnectionKind.Family or ConnectionKind.Friend))
                Assert.DoesNotMatch("^(Salut|Coucou) ", greeting);
            if (recipient.GreetAs?.StartsWith("Dr.", StringComparison.Ordinal) == true)
                Assert.StartsWith("Bonjour Dr. ", greeting, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_french_request_is_at_most_75_words_asks_a_question_and_never_talks_of_jobs()
    {
        var checker = OutreachChecker.For(DraftLanguage.Fr);
        foreach (var person in Generated)
        {
            var draft = OutreachComposer.For(person.Recipient).Compose(person.Outreach);
            var text = draft.ToPlainText();
            Assert.InRange(OutreachChecker.MessageWords(text), 40, 75);
            Assert.Contains("?", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(JobTalk(), WithoutValues(text, person));
            Assert.Empty(checker.Check(draft.Subject, text, OutreachComposer.CheckContextFor(person.Outreach)));
            var followUp = FollowUpComposer.For(person.Recipient).Compose(new FollowUpRequest(person.Sender, person.Recipient, Day, person.Variety));
            Assert.DoesNotContain(checker.Check(followUp.Subject, followUp.ToPlainText(), OutreachComposer.CheckContextFor(person.Outreach)),
                f => f.Rule is OutreachRule.OverPreferredLength or OutreachRule.AskNotAQuestion or OutreachRule.JobSeekingWord or OutreachRule.Placeholder);
        }
    }

    [Theory]
    [InlineData("Auriez-vous un poste à combler dans votre équipe?", "poste à combler")]
    [InlineData("Je cherche un stage pour l'été; auriez-vous 15 minutes?", "stage")]
    [InlineData("Puis-je vous envoyer mon CV?", "CV")]
    [InlineData("Votre entreprise embauche-t-elle? Auriez-vous 15 minutes?", "embauche")]
    [InlineData("Je voudrais postuler; auriez-vous 15 minutes pour un café?", "postuler")]
    [InlineData("Auriez-vous un emploi pour moi?", "emploi")]
    public void The_french_checker_reports_job_talk_stage_included(string body, string word)
    {
        var findings = OutreachChecker.For(DraftLanguage.Fr).Check("Une petite question", "Bonjour Zoë,\n\n" + body);

        Assert.Contains(findings, f => f.Rule == OutreachRule.JobSeekingWord && f.Message.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_stage_the_user_names_as_how_they_met_is_not_job_talk()
    {
        var body = "Bonjour Zoë,\n\nJ'espère que tout va bien depuis mon stage chez Desjardins. Auriez-vous 15–30 minutes pour un café?";

        var findings = OutreachChecker.For(DraftLanguage.Fr).Check("Une petite question", body, new OutreachCheckContext(KnownNames: ["mon stage chez Desjardins"]));

        Assert.DoesNotContain(findings, f => f.Rule == OutreachRule.JobSeekingWord);
    }

    [Fact]
    public void French_wording_is_saved_only_with_french_forms()
    {
        var french = CultureInfo.GetCultureInfo("fr");

        Assert.Empty(DraftTemplates.Validate("Outreach.Interest", "Votre travail {organisation:chez} m'intéresse, et {field:le} aussi.", french));
        var unknown = Assert.Single(DraftTemplates.Validate("Outreach.Interest", "Votre travail {organisation:au} m'intéresse.", french));
        Assert.Contains("chez, de, le, à", unknown.Message, StringComparison.Ordinal);
        Assert.Single(DraftTemplates.Validate("Outreach.Interest", "I'd love to hear about {role:a} day.", french));
        Assert.Single(DraftTemplates.Validate("Outreach.Interest", "Your work {organisation:chez} interests me.", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Every_part_has_a_french_wording_of_its_own_and_tu_wordings_only_for_real_parts()
    {
        var french = DraftText.AllKeys(CultureInfo.GetCultureInfo("fr")).ToHashSet(StringComparer.Ordinal);
        var neutral = DraftText.AllKeys().ToHashSet(StringComparer.Ordinal);

        Assert.All(TemplateSlots.All, slot => Assert.Contains(slot.Key, french));
        Assert.All(french.Where(k => k.EndsWith(DraftText.TuSuffix, StringComparison.Ordinal)),
            key => Assert.Contains(key[..^DraftText.TuSuffix.Length], french));
        // Keys of French only: its grammar's word lists.
        Assert.Equal(["Grammar.Contractions", "Grammar.Definite", "Grammar.Genders", "Grammar.NameFields", "Grammar.NoElision"],
            french.Where(k => !k.EndsWith(DraftText.TuSuffix, StringComparison.Ordinal) && !neutral.Contains(k)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dates_and_times_are_written_the_french_way()
    {
        var recipient = DraftingData.Cold with { Language = DraftLanguage.Fr };
        var followUp = FollowUpComposer.For(recipient).Compose(new FollowUpRequest(DraftingData.Maya, recipient, new DateOnly(2026, 3, 2), new DraftVariety("maya", recipient.Email, Day)));
        var agenda = QuestionListRenderer.For(recipient).Render(new QuestionListRequest(recipient,
            new MeetingPlan(new DateTimeOffset(2026, 12, 8, 20, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 21, 0, 0, TimeSpan.Zero), "America/Toronto"),
            QuestionAgenda.For(DraftLanguage.Fr)));

        Assert.Contains("lundi 2 mars", followUp.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("Quand\u00a0: mardi 8 décembre 2026, de 15 h 30 à 16 h 00", agenda.Body.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_thank_you_cites_the_tip_and_the_plan_in_french()
    {
        var recipient = DraftingData.Cold with { Language = DraftLanguage.Fr, Organisation = "Hydro-Québec" };
        var interview = new DraftInterview(Day, ["Parle à des gens du domaine avant de choisir une maîtrise"], 0);
        var variety = new DraftVariety("maya", recipient.Email, Day);
        string Body(string? plan) => ThankYouComposer.For(recipient).Compose(new ThankYouRequest(DraftingData.Maya, recipient, interview, variety, plan)).ToPlainText();

        Assert.Contains("«\u00A0Parle à des gens du domaine avant de choisir une maîtrise.\u00A0»", Body(null), StringComparison.Ordinal);
        Assert.DoesNotMatch("tiendrai au courant|dirai comment|raconter la suite", Body(null));
        Assert.Matches(@"(Je vais|Ma prochaine étape\u00A0: |J'ai décidé de) m'inscrire au hackathon\.", Body("de m'inscrire au hackathon"));
        Assert.Matches("tiendrai au courant|dirai comment|raconter la suite", Body("m'inscrire au hackathon"));
        Assert.Matches(@"j'ai commencé deux cours de SQL\.", Body("commencé deux cours de SQL"));
        Assert.Contains("Je me suis déjà inscrit au hackathon.", Body("Je me suis déjà inscrit au hackathon"), StringComparison.Ordinal);
    }

    private static string WithoutValues(string text, GeneratedPerson person)
    {
        string?[] values = [person.Recipient.Organisation, person.Recipient.Role, person.Recipient.Field, person.Recipient.SharedContext, person.Recipient.City,
            person.Recipient.FullName, person.Recipient.GreetAs, person.Sender.FullName, person.Sender.School, person.Sender.Program, person.Outreach.Referrer?.FullName,
            .. person.Interview.Takeaways, person.Plan, .. person.Sender.FieldsOfInterest ?? [], .. person.Sender.Signature?.Split('\n') ?? []];
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).OrderByDescending(v => v!.Length)
            .Aggregate(text, (t, v) => t.Replace(v!.TrimEnd('.'), " ", StringComparison.Ordinal));
    }

    // h aspiré words and the like, which keep "le", "la", "de" whole.
    private static readonly HashSet<string> Aspirated = new(["hockey", "haut", "haute", "huit", "onze", "oui", "hasard", "hall"], StringComparer.OrdinalIgnoreCase);

    // "le Université", "de Hydro-Québec", "que il": a vowel or a mute h after a word that elides.
    [GeneratedRegex(@"(?<![\p{L}'’])(le|la|de|je|me|te|se|ne|que) ([aeiouyàâäéèêëîïôöùûüh]\p{L}*)", RegexOptions.IgnoreCase)]
    private static partial Regex MissedElision();

    [GeneratedRegex(@"(?<![\p{L}'’])(?:de le|de les|à le|à les)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex UncontractedArticle();

    // The heads the generated values use, each with its gender.
    [GeneratedRegex(@"(?<![\p{L}'’])(?:le|du|au) (?:Banque|santé|science|économie|énergie|intelligence|Ville|Agence)\b|(?<![\p{L}'’])(?:la|de la|à la) (?:ministère|journalisme|génie|Office|urbanisme)\b|(?<![\p{L}'’])(?:le|la|du|au) (?:ressources|Affaires)\b")]
    private static partial Regex WrongGender();

    [GeneratedRegex(@"(?<![\p{L}])[ld]['’](?:hockey|haut|haute|huit|onze)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ElidedBeforeAspirated();

    [GeneratedRegex(@"(?<![\p{L}'’])(?:tu|ton|ta|tes|toi|te)(?![\p{L}'’])|(?<![\p{L}])t['’]\p{L}", RegexOptions.IgnoreCase)]
    private static partial Regex TuWords();

    [GeneratedRegex(@"(?<![\p{L}'’])(?:vous|votre|vos)(?![\p{L}'’])", RegexOptions.IgnoreCase)]
    private static partial Regex VousWords();

    [GeneratedRegex(@"(?i)\b(?:emplois?|postes?|stages?|embauch\w*|CV|candidatures?|postuler|recrut\w*|jobs?)\b")]
    private static partial Regex JobTalk();
}
