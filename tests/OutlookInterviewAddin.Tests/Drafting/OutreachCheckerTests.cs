using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed class OutreachCheckerTests
{
    private static readonly OutreachChecker Checker = OutreachChecker.English;

    private const string GoodSubject = "Curious about your path";

    private const string GoodBody =
        "Hi Zoë,\n\nI came across your profile while researching careers in data science. " +
        "I'd love to hear about your work at Shopify and where the field is heading. " +
        "Would you have 15–30 minutes in the coming weeks to tell me about your path? " +
        "I'd be glad to buy you a coffee or set up a call, whichever suits you.\n\nBest,\nMaya López";

    [Fact]
    public void A_text_that_follows_every_rule_has_no_findings()
    {
        Assert.Empty(Checker.Check(GoodSubject, GoodBody));
    }

    [Fact]
    public void A_referral_that_names_the_referrer_first_and_in_the_subject_has_no_findings()
    {
        var body = GoodBody.Replace("I came across your profile while researching careers in data science.",
            "Renée D'Souza suggested I get in touch with you.", StringComparison.Ordinal);

        Assert.Empty(Checker.Check("Referred by Renée", body, new OutreachCheckContext("Renée D'Souza")));
    }

    [Fact]
    public void Over_75_words_is_flagged_from_the_76th_word()
    {
        var body = GoodBody.Replace("Best,", "You have done such interesting work that you would be a wonderful person for me to learn from, and your team sounds great too. Thank you for reading this far.\n\nBest,", StringComparison.Ordinal);
        var words = OutreachChecker.CountWords(body);
        Assert.InRange(words, 76, 100);

        var finding = Assert.Single(Checker.Check(GoodSubject, body), f => f.Rule == OutreachRule.OverPreferredLength);

        Assert.Contains(words.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Message, StringComparison.Ordinal);
        Assert.Equal(75, OutreachChecker.CountWords(body[..finding.Start]));
        Assert.DoesNotContain(Checker.Check(GoodSubject, body), f => f.Rule == OutreachRule.OverMaximumLength);
    }

    [Fact]
    public void Over_100_words_is_flagged_as_the_looser_rule_broken()
    {
        var padding = string.Concat(Enumerable.Repeat(" Your work on the checkout redesign was wonderful to read about.", 6));
        var body = GoodBody.Replace("whichever suits you.", "whichever suits you." + padding, StringComparison.Ordinal);

        var findings = Checker.Check(GoodSubject, body);

        Assert.Contains(findings, f => f.Rule == OutreachRule.OverMaximumLength);
        Assert.DoesNotContain(findings, f => f.Rule == OutreachRule.OverPreferredLength);
    }

    [Fact]
    public void An_ask_without_a_question_mark_is_flagged_at_the_ask()
    {
        var body = GoodBody.Replace("to tell me about your path?", "to tell me about your path.", StringComparison.Ordinal);

        var finding = Assert.Single(Checker.Check(GoodSubject, body));

        Assert.Equal(OutreachRule.AskNotAQuestion, finding.Rule);
        Assert.StartsWith("Would you have 15–30 minutes", body.Substring(finding.Start, finding.Length), StringComparison.Ordinal);
        Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_under_the_name_does_not_count_toward_the_length()
    {
        var signature = "\nComputer Science, University of Waterloo, class of 2027\n" +
            string.Join(' ', Enumerable.Range(1, 40).Select(i => $"line{i}"));
        var padded = GoodBody.Replace("whichever suits you.", "whichever suits you. I have followed your work for years and your team's projects are inspiring.", StringComparison.Ordinal);
        Assert.InRange(OutreachChecker.CountWords(padded), 60, 75);

        Assert.Empty(Checker.Check(GoodSubject, padded + signature));
        // Without a sign-off there is no telling where the message ends: everything counts.
        Assert.Contains(Checker.Check(GoodSubject, padded.Replace("Best,\n", "", StringComparison.Ordinal) + signature),
            f => f.Rule is OutreachRule.OverPreferredLength or OutreachRule.OverMaximumLength);
    }

    [Fact]
    public void An_ask_that_is_not_a_question_is_flagged_even_when_another_sentence_is()
    {
        var body = GoodBody.Replace("Hi Zoë,\n\n", "Hi Zoë,\n\nHow are you? ", StringComparison.Ordinal)
            .Replace("to tell me about your path?", "to tell me about your path.", StringComparison.Ordinal);

        Assert.Contains(Checker.Check(GoodSubject, body), f => f.Rule == OutreachRule.AskNotAQuestion);
    }

    [Fact]
    public void A_greeting_line_without_a_comma_is_not_taken_for_the_first_sentence()
    {
        var body = GoodBody.Replace("Hi Zoë,", "Hi Zoë!", StringComparison.Ordinal);

        Assert.Empty(Checker.Check(GoodSubject, body));
    }

    [Theory]
    [InlineData("Are there any job openings on your team?", "job openings")]
    [InlineData("I have attached my résumé for you.", "résumé")]
    [InlineData("I have attached my resume for you.", "resume")]
    [InlineData("Is your team hiring this spring?", "hiring")]
    [InlineData("Is there a position available for a new graduate?", "position available")]
    [InlineData("May I send you my CV?", "CV")]
    public void Job_seeking_words_are_flagged_where_they_are(string sentence, string word)
    {
        var body = GoodBody.Replace("Best,", sentence + "\n\nBest,", StringComparison.Ordinal);

        var finding = Assert.Single(Checker.Check(GoodSubject, body), f => f.Rule == OutreachRule.JobSeekingWord);

        Assert.Equal(word, body.Substring(finding.Start, finding.Length), ignoreCase: true);
        Assert.Contains(word, finding.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_job_word_inside_the_persons_own_role_is_not_a_request_for_a_job()
    {
        var body = GoodBody.Replace("your work at Shopify", "your work as Hiring Lead at Shopify", StringComparison.Ordinal);

        Assert.Contains(Checker.Check(GoodSubject, body), f => f.Rule == OutreachRule.JobSeekingWord);
        Assert.Empty(Checker.Check(GoodSubject, body, new OutreachCheckContext(KnownNames: ["Hiring Lead", "Shopify"])));
    }

    [Fact]
    public void A_text_that_does_not_open_with_the_connection_is_flagged_at_its_first_sentence()
    {
        var body = GoodBody.Replace("I came across your profile while researching careers in data science. ", "", StringComparison.Ordinal)
            .Replace("Would you have", "I came across your profile recently. Would you have", StringComparison.Ordinal);

        var finding = Assert.Single(Checker.Check(GoodSubject, body));

        Assert.Equal(OutreachRule.ConnectionNotFirst, finding.Rule);
        Assert.StartsWith("I'd love to hear about your work", body.Substring(finding.Start, finding.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_must_name_the_referrer_in_the_first_sentence_and_the_subject()
    {
        var findings = Checker.Check(GoodSubject, GoodBody, new OutreachCheckContext("Renée D'Souza"));

        Assert.Contains(findings, f => f.Rule == OutreachRule.ConnectionNotFirst && f.Message.Contains("Renée D'Souza", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Rule == OutreachRule.SubjectWithoutReferrer && f.Part == DraftPart.Subject);
    }

    [Fact]
    public void More_words_about_the_sender_than_the_recipient_is_flagged()
    {
        var body = "Hi Zoë,\n\nI came across your profile while researching careers. " +
            "I am a fourth-year student in my program and I have built my own projects in my spare time. " +
            "I love my classes and I'm proud of my grades. " +
            "Would you have 15–30 minutes for a call?\n\nBest,\nMaya";

        var finding = Assert.Single(Checker.Check(GoodSubject, body));

        Assert.Equal(OutreachRule.MoreAboutSender, finding.Rule);
        Assert.StartsWith("I am a fourth-year student", body.Substring(finding.Start, finding.Length), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{organisation}")]
    [InlineData("[Company]")]
    [InlineData("<Company Name>")]
    [InlineData("XXX")]
    [InlineData("%COMPANY%")]
    [InlineData("____")]
    public void A_placeholder_left_in_is_flagged(string placeholder)
    {
        var body = GoodBody.Replace("Shopify", placeholder, StringComparison.Ordinal);

        var finding = Assert.Single(Checker.Check(GoodSubject, body));

        Assert.Equal(OutreachRule.Placeholder, finding.Rule);
        Assert.Equal(placeholder, body.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Hi Zoë,", "Hi ,")]
    [InlineData("your work at Shopify and", "your work at , and")]
    [InlineData("careers in data science.", "careers in .")]
    public void An_empty_field_is_flagged(string filled, string empty)
    {
        var body = GoodBody.Replace(filled, empty, StringComparison.Ordinal);

        Assert.Contains(Checker.Check(GoodSubject, body), f => f.Rule == OutreachRule.EmptyField && f.Part == DraftPart.Body);
    }

    [Fact]
    public void A_subject_over_four_words_is_flagged_and_an_empty_one_too()
    {
        var longSubject = Assert.Single(Checker.Check("A question about your career path", GoodBody));
        var emptySubject = Assert.Single(Checker.Check("  ", GoodBody));

        Assert.Equal((OutreachRule.SubjectTooLong, DraftPart.Subject), (longSubject.Rule, longSubject.Part));
        Assert.Equal("career path", "A question about your career path".Substring(longSubject.Start, longSubject.Length));
        Assert.Equal((OutreachRule.EmptyField, DraftPart.Subject), (emptySubject.Rule, emptySubject.Part));
    }

    [Fact]
    public void Every_finding_explains_itself_in_one_sentence()
    {
        var body = "Dear [Name],\n\nAre you hiring? I am a student and I want a job and my résumé is attached to my message for my sake.\n\nBest,\nMaya";

        var findings = Checker.Check("Looking for a job at your company", body);

        Assert.True(findings.Count >= 5, string.Join("; ", findings.Select(f => f.Rule)));
        foreach (var finding in findings)
        {
            Assert.Matches(@"^[^\n]+[.:]$", finding.Message);
            Assert.DoesNotContain("{", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Words_are_counted_with_contractions_ranges_and_hyphenated_names_as_one()
    {
        Assert.Equal(4, OutreachChecker.CountWords("I'm O'Brien-Nguyen, 15–30 minutes?"));
    }

    [Fact]
    public void A_value_or_phrase_said_again_in_the_next_sentence_is_flagged_there()
    {
        const string body = "Hi Zoë,\n\nI read about your work at Shopify and wanted to reach out. I'd love to hear about your work as a data analyst. " +
            "Would you have 15–30 minutes for a call in the coming weeks?\n\nBest,\nMaya";

        var finding = Assert.Single(OutreachChecker.English.Check("Curious about your path", body), f => f.Rule == OutreachRule.Repetition);

        Assert.Equal("your work", body.Substring(finding.Start, finding.Length), ignoreCase: true);
        Assert.True(finding.Start > body.IndexOf("I'd love", StringComparison.Ordinal));
        var once = body.Replace("I'd love to hear about your work as a data analyst.", "I'd love to hear what a typical week looks like for you.", StringComparison.Ordinal);
        Assert.DoesNotContain(OutreachChecker.English.Check("Curious about your path", once), f => f.Rule == OutreachRule.Repetition);
    }

    [Theory]
    [InlineData("Hi <img src=x onerror=alert(1)>,", "<img")]
    [InlineData("Hi <img,", "<img")]
    [InlineData("Hi Zoë, <script>alert(1)</script>", "<script")]
    public void Markup_from_a_name_is_flagged_in_any_mail(string greeting, string found)
    {
        var body = greeting + "\n\nThank you for taking the time to talk with me.\n\nBest,\nMaya";

        var findings = OutreachChecker.English.CheckAnyMail("Thank you", body);
        var finding = findings.First(f => f.Rule == OutreachRule.Markup);
        Assert.StartsWith(found, body.Substring(finding.Start, finding.Length), StringComparison.Ordinal);
        Assert.All(findings, f => Assert.Equal(OutreachRule.Markup, f.Rule));
        Assert.Empty(OutreachChecker.English.CheckAnyMail("Thank you", "Hi Zoë,\n\nThank you for the 2 < 3 tip.\n\nBest,\nMaya"));
    }

    [Fact]
    public void A_title_in_the_greeting_does_not_end_a_sentence()
    {
        var body = GoodBody.Replace("Hi Zoë,", "Dear Dr. O'Brien,", StringComparison.Ordinal);

        Assert.Empty(OutreachChecker.English.Check(GoodSubject, body));
    }
}
