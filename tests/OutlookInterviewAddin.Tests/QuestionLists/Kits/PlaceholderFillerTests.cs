using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Tests.QuestionLists.Kits;

public sealed class PlaceholderFillerTests
{
    private static readonly PlaceholderValues Dana = new(
        Name: "Dana Lee", Organisation: "Contoso", Role: "UX designer", Field: "product design", City: "Montréal", ReferredBy: "Sam Roy");

    [Fact]
    public void A_placeholder_with_a_value_reads_the_value()
    {
        Assert.Equal("Do you like working in Montréal?", PlaceholderFiller.Fill("Do you like working in {city}?", Dana));
    }

    [Fact]
    public void City_without_a_value_reads_where_you_are()
    {
        Assert.Equal("Do you like working where you are?", PlaceholderFiller.Fill("Do you like working in {city}?", new PlaceholderValues()));
    }

    [Fact]
    public void City_without_a_value_and_no_preposition_reads_your_city()
    {
        Assert.Equal("What is your city like for this work?",
            PlaceholderFiller.Fill("What is {city} like for this work?", new PlaceholderValues(City: "  ")));
    }

    [Fact]
    public void The_phrase_fallback_needs_a_whole_word_before_the_placeholder()
    {
        // "within" ends with "in" but is not the word "in".
        Assert.Equal("Is there work within your city?", PlaceholderFiller.Fill("Is there work within {city}?", new PlaceholderValues()));
    }

    [Theory]
    [InlineData("What surprised you most at {organisation}?", "What surprised you most at your organisation?")]
    [InlineData("What surprised you most at {organization}?", "What surprised you most at your organisation?")]
    [InlineData("What trends are shaping {field}?", "What trends are shaping your field?")]
    [InlineData("What does {Role} mean day to day?", "What does your role mean day to day?")]
    public void Placeholders_without_values_read_their_fallback_wording(string text, string expected)
    {
        Assert.Equal(expected, PlaceholderFiller.Fill(text, new PlaceholderValues()));
    }

    [Fact]
    public void An_inline_fallback_wins_over_the_built_in_one()
    {
        Assert.Equal("Say you are exploring their field.", PlaceholderFiller.Fill("Say you are exploring {field|their field}.", new PlaceholderValues()));
        Assert.Equal("Say you are exploring product design.", PlaceholderFiller.Fill("Say you are exploring {field|their field}.", Dana));
    }

    [Fact]
    public void A_question_about_the_referrer_is_dropped_when_nobody_referred_them()
    {
        const string question = "How do you know {referrer}?";

        Assert.Equal("How do you know Sam Roy?", PlaceholderFiller.Fill(question, Dana));
        Assert.Null(PlaceholderFiller.Fill(question, Dana with { ReferredBy = null }));
    }

    [Fact]
    public void An_empty_inline_fallback_leaves_no_gap_before_punctuation()
    {
        Assert.Equal("Thank you, for your time.", PlaceholderFiller.Fill("Thank you, {name|} for your time.", new PlaceholderValues()));
        Assert.Equal("Thank you, Dana Lee for your time.", PlaceholderFiller.Fill("Thank you, {name|} for your time.", Dana));
    }

    [Fact]
    public void An_unknown_placeholder_drops_the_text_rather_than_showing_it()
    {
        Assert.Null(PlaceholderFiller.Fill("What is it like in {town}?", Dana));
    }

    [Fact]
    public void Stray_braces_are_never_shown()
    {
        var filled = PlaceholderFiller.Fill("What } is {it like in {city}?", Dana);

        Assert.Equal("What is it like in Montréal?", filled);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_expanded_again()
    {
        var filled = PlaceholderFiller.Fill("Do you like {organisation}?", new PlaceholderValues(Organisation: "{city} Labs", City: "Paris"));

        Assert.Equal("Do you like {city} Labs?", filled);
    }

    [Fact]
    public void Filling_a_kit_drops_questions_without_wording_and_empty_parts()
    {
        var kit = new QuestionKit("custom", "Custom", "", "Hello {name}.", [
            new("About them", ["How do you know {referrer}?", "What is {organisation} like?"]),
            new("Only referrer", ["Did {referrer} tell you about me?"]),
        ], "Thanks.");

        var filled = PlaceholderFiller.Fill(kit, new PlaceholderValues());

        Assert.Null(filled.Opening);
        Assert.Equal("Thanks.", filled.Closing);
        var part = Assert.Single(filled.Parts);
        Assert.Equal(["What is your organisation like?"], part.Questions);
    }

    [Theory]
    [InlineData("Do you like working in {city}?")]
    [InlineData("Ask {Name} about {organization} in {field|their field}.")]
    [InlineData("No placeholders at all.")]
    public void Valid_texts_have_no_problems(string text)
    {
        Assert.Empty(PlaceholderFiller.Validate(text));
    }

    [Theory]
    [InlineData("What is it like in {town}?", "Unknown placeholder {town}")]
    [InlineData("What is it like in {}?", "empty placeholder")]
    [InlineData("What is it like in {city?", "not closed")]
    [InlineData("What is it like in city}?", "closes nothing")]
    [InlineData("What is it like in {ci{city}?", "not closed")]
    public void Invalid_texts_are_rejected_with_a_reason(string text, string expected)
    {
        var problem = Assert.Single(PlaceholderFiller.Validate(text));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validating_a_list_names_each_bad_field()
    {
        var errors = PlaceholderFiller.Validate([
            new KeyValuePair<string, string>("opening", "Hello {name}."),
            new KeyValuePair<string, string>("parts[0].questions[1]", "What about {salary}?"),
        ]);

        var (field, problems) = Assert.Single(errors);
        Assert.Equal("parts[0].questions[1]", field);
        Assert.Contains("{salary}", Assert.Single(problems), StringComparison.Ordinal);
    }
}
