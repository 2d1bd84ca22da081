using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OutlookInterviewAddin.Drafting;
using OutlookInterviewAddin.Drafting.QuestionList;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed class QuestionListRendererTests
{
    private static readonly QuestionAgenda DefaultAgenda = QuestionAgenda.Default;

    // 10:00 in Toronto on a March day after the daylight-saving change (UTC-4).
    private static readonly MeetingPlan HalfHour = new(
        new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero),
        "America/Toronto", "Balzac's Coffee, 1 Trinity St", "https://teams.example.com/meet/123");

    // Room for every question of the default list.
    private static readonly MeetingPlan Hour = HalfHour with { End = HalfHour.Start.AddHours(1) };

    [Fact]
    public void In_an_ample_meeting_the_attached_docx_holds_every_question_in_order_the_referral_one_in_the_closing()
    {
        var rendered = Render(DraftingData.Cold, Hour);

        using var stream = new MemoryStream(rendered.File.Content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        var expected = ExpectedQuestions("Toronto");
        var found = expected.Select(q => paragraphs.FindIndex(p => p.Contains(q, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, found);
        Assert.Equal(found.Order(), found);
        Assert.Equal(paragraphs.FindIndex(p => p == "Closing") + 1, found[^1]);
    }

    [Fact]
    public void In_an_ample_meeting_the_invite_body_holds_every_question_in_order_with_name_time_and_place()
    {
        var rendered = Render(DraftingData.Cold, Hour);

        var document = new HtmlParser().ParseDocument(rendered.Body.ToHtml());
        var items = document.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(ExpectedQuestions("Toronto")[..^1], items);
        var text = document.Body!.TextContent.Replace('\u202f', ' ');
        Assert.Contains("Zoë O'Brien", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 10, 2026, 10:00 AM – 11:00 AM (America/Toronto)", text, StringComparison.Ordinal);
        Assert.Contains("Balzac's Coffee, 1 Trinity St", text, StringComparison.Ordinal);
        Assert.Equal("https://teams.example.com/meet/123", document.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Opening", "Part one: career history", "Part two: about the job", "Part three: future talk", "Closing"],
            document.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.StartsWith(ReferralQuestion, document.QuerySelectorAll("h3")[^1].NextElementSibling!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_that_needs_a_missing_value_is_left_out()
    {
        var rendered = Render(DraftingData.Cold with { City = null }, Hour);

        var items = new HtmlParser().ParseDocument(rendered.Body.ToHtml()).QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.DoesNotContain(items, q => q.Contains("working in", StringComparison.Ordinal));
        Assert.Equal(ExpectedQuestions(null)[..^1], items);
        Assert.DoesNotContain("{city}", rendered.Body.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_too_long_for_the_meeting_sends_what_fits_and_tells_the_user_what_stays_behind()
    {
        var rendered = Render(DraftingData.Cold, HalfHour);

        Assert.Equal(18, rendered.Estimate.QuestionCount);
        // The referral question is asked in the closing, whose minutes cover it.
        Assert.Equal(2 + 3 + 17 * 2, rendered.Estimate.EstimatedMinutes);
        Assert.True(rendered.Estimate.TooLong);
        // 30 minutes leave room for 12 questions; every part keeps its first ones, the closing its question.
        Assert.Equal(13, rendered.Estimate.SuggestedToKeep.Count);
        Assert.Equal(5, rendered.Estimate.LeftOut.Count);
        Assert.Equal(2 + 3 + 12 * 2, rendered.Estimate.InviteMinutes);
        Assert.Contains("What did you study after high school?", rendered.Estimate.SuggestedToKeep);
        Assert.Contains("What is the workplace culture like?", rendered.Estimate.SuggestedToKeep);
        Assert.Contains("How do you see this job changing in the next 10 years?", rendered.Estimate.SuggestedToKeep);
        Assert.Equal(ReferralQuestion, rendered.Estimate.SuggestedToKeep[^1]);
        Assert.Contains("Why do you think you got hired?", rendered.Estimate.LeftOut);
        var items = new HtmlParser().ParseDocument(rendered.Body.ToHtml()).QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(rendered.Estimate.SuggestedToKeep.SkipLast(1), items);
        Assert.All(rendered.Estimate.LeftOut, q => Assert.DoesNotContain(q, rendered.Body.ToPlainText(), StringComparison.Ordinal));
        var advice = rendered.Advice.ToPlainText();
        Assert.Contains("18 questions take about 39 minutes", advice, StringComparison.Ordinal);
        Assert.Contains("the 13 of 18 questions that fit a 30-minute meeting", advice, StringComparison.Ordinal);
        Assert.Contains("These 5 stay in your list", advice, StringComparison.Ordinal);
        Assert.Contains("Why do you think you got hired?", advice, StringComparison.Ordinal);
        // The advice is for the user, not for the person invited.
        Assert.DoesNotContain("stay in your list", rendered.Body.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_list_fits_without_a_warning_and_the_invite_holds_all_of_it()
    {
        var agenda = DefaultAgenda with { Parts = [.. DefaultAgenda.Parts.Select(p => p with { Questions = [.. p.Questions.Take(2)] })] };

        var rendered = QuestionListRenderer.English.Render(new QuestionListRequest(DraftingData.Cold, HalfHour, agenda));

        Assert.False(rendered.Estimate.TooLong);
        Assert.Empty(rendered.Estimate.SuggestedToKeep);
        Assert.Empty(rendered.Estimate.LeftOut);
        Assert.Equal(6, new HtmlParser().ParseDocument(rendered.Body.ToHtml()).QuerySelectorAll("li").Length);
        Assert.DoesNotContain("stay in your list", rendered.Advice.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_users_own_parts_are_rendered_and_their_text_encoded()
    {
        var agenda = new QuestionAgenda("Thanks <b>so</b> much!",
            [new AgendaPart("Trends & <i>insights</i>", ["What changed at {organisation} this year?", "Who reads <script>?"])], "Thank you!");

        var rendered = QuestionListRenderer.English.Render(new QuestionListRequest(DraftingData.Cold, HalfHour, agenda));

        var html = rendered.Body.ToHtml();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(["What changed at Shopify this year?", "Who reads <script>?"], document.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Contains("Trends & <i>insights</i>", document.QuerySelectorAll("h3").Select(h => h.TextContent));
    }

    [Fact]
    public void The_time_is_shown_in_the_meetings_zone_across_a_daylight_saving_change()
    {
        // 2026-03-08 is the spring change in North America: 15:00 UTC is 11:00 in Toronto afterwards.
        var afterChange = HalfHour with { Start = new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2026, 3, 9, 15, 20, 0, TimeSpan.Zero) };
        var beforeChange = afterChange with { Start = afterChange.Start.AddDays(-3), End = afterChange.End.AddDays(-3) };

        Assert.Contains("11:00 AM – 11:20 AM", Text(Render(DraftingData.Cold, afterChange)), StringComparison.Ordinal);
        Assert.Contains("10:00 AM – 10:20 AM", Text(Render(DraftingData.Cold, beforeChange)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_list_with_an_unknown_field_cannot_be_saved()
    {
        var agenda = DefaultAgenda with { Parts = [new AgendaPart("Mine", ["What is {compnay} like?"])] };

        Assert.Contains(agenda.Validate(DraftText.English), p => p.Message.Contains("{compnay}", StringComparison.Ordinal));
        Assert.Empty(DefaultAgenda.Validate(DraftText.English));
    }

    // ICU puts a narrow no-break space between the time and "AM"; compare with plain spaces.
    private static string Text(RenderedQuestionList rendered) => rendered.Body.ToPlainText().Replace('\u202f', ' ');

    private static RenderedQuestionList Render(DraftRecipient recipient, MeetingPlan meeting) =>
        QuestionListRenderer.English.Render(new QuestionListRequest(recipient, meeting, DefaultAgenda));

    private const string ReferralQuestion = "Who else would you recommend I speak with to learn more about this career?";

    // The default list filled for Zoë at Shopify, the referral question last (it is asked in the closing).
    private static List<string> ExpectedQuestions(string? city) =>
        [.. DefaultAgenda.Parts.SelectMany(p => p.Questions)
            .Where(q => q != ReferralQuestion)
            .Where(q => city is not null || !q.Contains("{city}", StringComparison.Ordinal))
            .Select(q => city is null ? q : q.Replace("{city}", city, StringComparison.Ordinal))
            .Select(q => q.Replace("{organisation|this job}", "Shopify", StringComparison.Ordinal))
            .Append(ReferralQuestion)];
}
