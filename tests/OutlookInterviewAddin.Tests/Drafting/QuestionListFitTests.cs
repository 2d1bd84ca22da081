using OutlookInterviewAddin.Drafting.QuestionList;
using OutlookInterviewAddin.QuestionLists.Kits;
using static OutlookInterviewAddin.Tests.Drafting.QuestionAgendaData;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>
/// The invite carries the questions that fit the meeting by the product's own estimate, each line
/// once, "who else should I talk to?" once and in the closing; the rest stay in the user's list.
/// </summary>
public sealed class QuestionListFitTests
{
    private const string ReferralQuestion = "Who else would you recommend I speak with to learn more about this career?";

    public static TheoryData<string, int> ListsAndMeetings()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Names)
            foreach (var minutes in new[] { 15, 20, 30, 45, 60 })
                data.Add(name, minutes);
        return data;
    }

    [Theory]
    [MemberData(nameof(ListsAndMeetings))]
    public void What_the_invite_carries_fits_the_meeting_by_the_products_estimate(string list, int minutes)
    {
        var rendered = Render(Named(list), minutes);

        var questions = BodyQuestions(rendered);
        var estimate = rendered.Estimate;
        var inviteMinutes = TimeEstimate.OpeningMinutes + TimeEstimate.ClosingMinutes + questions.Count * TimeEstimate.MinutesPerQuestion;
        Assert.True(inviteMinutes <= minutes, $"{questions.Count} questions take {inviteMinutes} minutes in a {minutes}-minute meeting");
        Assert.Equal(inviteMinutes, estimate.InviteMinutes);
        Assert.Equal(questions, FileQuestions(rendered));
        // Nothing is lost: what the invite carries and what it leaves out make the whole list.
        Assert.Empty(questions.Intersect(estimate.LeftOut));
        Assert.All(estimate.LeftOut, q => Assert.DoesNotContain(q, rendered.Body.ToPlainText(), StringComparison.Ordinal));
        if (estimate.TooLong)
        {
            Assert.Equal(estimate.QuestionCount, estimate.SuggestedToKeep.Count + estimate.LeftOut.Count);
            Assert.NotEmpty(estimate.LeftOut);
            // Only the questions that did not fit are left out: one more would not fit.
            Assert.True(inviteMinutes + TimeEstimate.MinutesPerQuestion > minutes);
        }
        else
            Assert.Empty(estimate.LeftOut);
    }

    [Fact]
    public void A_short_meeting_takes_the_first_question_of_every_part_before_any_second_one()
    {
        var rendered = Render(QuestionAgenda.Default, 15);

        Assert.Equal(
        [
            "What did you study after high school?",
            "How did your career path take you to Shopify?",
            "What is the workplace culture like?",
            "What is a day in the life like?",
            "How do you see this job changing in the next 10 years?",
        ], BodyQuestions(rendered));
        Assert.Equal(18, rendered.Estimate.QuestionCount);
        Assert.Equal(12, rendered.Estimate.LeftOut.Count);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    public void A_meeting_with_room_for_the_whole_short_list_carries_all_of_it(int minutes)
    {
        var agenda = QuestionAgenda.Default with { Parts = [.. QuestionAgenda.Default.Parts.Select(p => p with { Questions = [.. p.Questions.Take(3)] })] };

        var rendered = Render(agenda, minutes);

        Assert.Equal(9, BodyQuestions(rendered).Count);
        Assert.False(rendered.Estimate.TooLong);
        Assert.Empty(rendered.Estimate.LeftOut);
    }

    [Theory]
    [MemberData(nameof(ListsAndMeetings))]
    public void The_opening_and_closing_always_stay_and_who_else_to_talk_to_is_asked_once_in_the_closing(string list, int minutes)
    {
        var rendered = Render(Named(list), minutes);

        var sentences = Sentences(rendered);
        var asks = sentences.Where(QuestionListRenderer.English.AsksForReferrals).ToList();
        Assert.True(asks.Count == 1, $"Asked {asks.Count} times: {string.Join(" | ", asks)}");
        Assert.Contains(asks[0], Sentences(rendered, after: "Closing"));
        Assert.Contains("\n\nClosing\n\n", rendered.Body.ToPlainText(), StringComparison.Ordinal);
        if (Named(list).Opening.Length > 0)
            Assert.Contains("\n\nOpening\n\n", rendered.Body.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ListsAndMeetings))]
    public void No_line_of_the_invite_says_the_same_as_another(string list, int minutes)
    {
        var rendered = Render(Named(list), minutes);

        var duplicates = Sentences(rendered).GroupBy(SameLine).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Said twice: " + string.Join(" | ", duplicates));
    }

    [Fact]
    public void The_default_lists_referral_question_moves_from_part_three_to_the_closing_and_counts_as_a_question_of_the_list()
    {
        var rendered = Render(QuestionAgenda.Default, 30);

        Assert.DoesNotContain(ReferralQuestion, BodyQuestions(rendered));
        Assert.StartsWith(ReferralQuestion, string.Join(' ', Sentences(rendered, after: "Closing")), StringComparison.Ordinal);
        Assert.Equal(18, rendered.Estimate.QuestionCount);
        Assert.Equal(ReferralQuestion, rendered.Estimate.SuggestedToKeep[^1]);
        Assert.DoesNotContain(ReferralQuestion, rendered.Estimate.LeftOut);
    }

    [Fact]
    public void A_closing_that_asks_in_its_own_words_is_the_only_ask()
    {
        // The kits' closing as users copied it before it left the question to the list.
        var agenda = QuestionAgenda.Default with { Closing = "Ask who they would recommend next and whether you may use their name; thank them." };

        var rendered = Render(agenda, 60);

        Assert.DoesNotContain(ReferralQuestion, rendered.Body.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("Ask who they would recommend next", rendered.Body.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(18, rendered.Estimate.QuestionCount);
    }

    [Fact]
    public void A_list_that_never_asks_who_else_to_talk_to_is_given_the_question_in_its_closing()
    {
        var agenda = new QuestionAgenda("Thanks for making the time.", [new AgendaPart("Mine", ["What changed this year?"])], "Thanks again!");

        var rendered = Render(agenda, 30);

        var closing = Sentences(rendered, after: "Closing");
        Assert.Equal(["Who else would you recommend I speak with to learn more?", "Thanks again!"], closing);
        Assert.Equal(1, rendered.Estimate.QuestionCount);
    }

    [Fact]
    public void The_same_thanks_in_the_opening_and_closing_is_said_once_in_the_opening()
    {
        var rendered = Render(Tailored, 60);

        var text = rendered.Body.ToPlainText();
        Assert.Single(Sentences(rendered), s => s.StartsWith("Thank you for your time", StringComparison.Ordinal));
        Assert.Contains("Thank you for your time.", Sentences(rendered).TakeWhile(s => s != "Closing"));
        Assert.Contains("I will send you a note about what I try first.", Sentences(rendered, after: "Closing"));
        Assert.Single(BodyQuestions(rendered), q => SameLine(q) == "what is a day in the life like");
        Assert.Contains("\nWould you look at one of my projects?", "\n" + string.Join('\n', BodyQuestions(rendered)), StringComparison.Ordinal);
        Assert.DoesNotContain("Who else should I ask?", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who else would you recommend I speak with to learn more about this career?")]
    [InlineData("Who else should I talk to?")]
    [InlineData("Who else should I ask?")]
    [InlineData("Is there anyone else you would suggest I talk to?")]
    [InlineData("Is there someone you'd recommend I contact?")]
    [InlineData("Who would you suggest I reach out to next?")]
    [InlineData("Ask who they would recommend next and whether you may use their name; thank them.")]
    [InlineData("Could you introduce me to a colleague in your team?")]
    [InlineData("WHO ELSE SHOULD I MEET?")]
    public void A_request_for_whom_else_to_talk_to_is_recognised_in_its_many_wordings(string line)
    {
        Assert.True(QuestionListRenderer.English.AsksForReferrals(line), line);
    }

    public static TheoryData<string> QuestionsThatAskSomethingElse()
    {
        var data = new TheoryData<string>();
        foreach (var text in BuiltInKits.All.SelectMany(k => k.Parts.SelectMany(p => p.Questions).Append(k.Opening).Append(k.Closing))
            .Where(q => !q.StartsWith("Who else", StringComparison.Ordinal)))
            data.Add(text);
        data.Add("Who else works on your team?");
        data.Add("Which skills would you recommend someone learn first?");
        return data;
    }

    [Theory]
    [MemberData(nameof(QuestionsThatAskSomethingElse))]
    public void A_question_about_something_else_is_not_taken_for_the_referral_question(string line)
    {
        Assert.False(QuestionListRenderer.English.AsksForReferrals(line), line);
    }

    [Fact]
    public void The_career_path_question_names_the_organisation_when_it_is_known_and_reads_well_when_not()
    {
        var known = BodyQuestions(Render(QuestionAgenda.Default, 60));
        var unknown = BodyQuestions(Render(QuestionAgenda.Default, 60, DraftingData.Cold with { Organisation = null }));
        var filledUnknown = PlaceholderFiller.Fill(BuiltInKits.Default, new PlaceholderValues("Zoë O'Brien")).Parts[0].Questions;

        Assert.Contains("How did your career path take you to Shopify?", known);
        Assert.Contains("How did your career path take you to this job?", unknown);
        Assert.Contains("How did your career path take you to this job?", filledUnknown);
        Assert.Contains("How did your career path take you to Shopify?", DefaultFilled.Parts[0].Questions);
    }

    [Fact]
    public void No_built_in_question_speaks_of_this_company_in_general_terms()
    {
        var questions = BuiltInKits.All.SelectMany(k => k.Parts.SelectMany(p => p.Questions));

        Assert.DoesNotContain(questions, q => q.Contains("this company", StringComparison.OrdinalIgnoreCase));
    }
}
