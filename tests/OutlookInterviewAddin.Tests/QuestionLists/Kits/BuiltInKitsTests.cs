using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Tests.QuestionLists.Kits;

public sealed class BuiltInKitsTests
{
    [Fact]
    public void Default_kit_has_the_three_parts_of_the_product_list_in_order()
    {
        var kit = BuiltInKits.Default;

        Assert.Equal("default", kit.Key);
        Assert.Equal(["Part one: career history", "Part two: about the job", "Part three: future talk"], kit.Parts.Select(p => p.Title));
        Assert.Equal([4, 8, 6], kit.Parts.Select(p => p.Questions.Count));
    }

    [Fact]
    public void Default_kit_questions_are_the_exact_product_wording()
    {
        var kit = BuiltInKits.Default;

        Assert.Equal("What did you study after high school?", kit.Parts[0].Questions[0]);
        Assert.Equal("Do you like working in {city}?", kit.Parts[1].Questions[2]);
        Assert.Equal("Why do you think you got hired?", kit.Parts[1].Questions[^1]);
        Assert.Equal("Who else would you recommend I speak with to learn more about this career?", kit.Parts[2].Questions[^1]);
        Assert.StartsWith("Thank them for their time", kit.Opening, StringComparison.Ordinal);
        // Named when known: "How did your career path take you to Shopify?", else "... to this job?".
        Assert.Equal("How did your career path take you to {organisation|this job}?", kit.Parts[0].Questions[1]);
        // Who else to talk to is the last question's to ask (in the closing); the closing itself does not repeat it.
        Assert.StartsWith("Ask whether you may use their name with the people they suggest", kit.Closing, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiara_kit_has_one_part_per_letter_each_with_questions()
    {
        var kit = BuiltInKits.Tiara;

        Assert.Equal("tiara", kit.Key);
        Assert.Equal(["Trends", "Insights", "Advice", "Resources", "Assignments"], kit.Parts.Select(p => p.Title));
        Assert.All(kit.Parts, part => Assert.True(part.Questions.Count >= 2, part.Title));
        Assert.All(kit.Parts.SelectMany(p => p.Questions), q => Assert.EndsWith("?", q, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("TIARA")]
    [InlineData(" tiara ")]
    public void A_kit_is_found_by_its_key_whatever_the_case(string key)
    {
        var kit = BuiltInKits.Find(key);

        Assert.NotNull(kit);
        Assert.Equal(key.Trim().ToLowerInvariant(), kit.Key);
    }

    [Fact]
    public void An_unknown_key_finds_no_kit()
    {
        Assert.Null(BuiltInKits.Find("star"));
        Assert.Null(BuiltInKits.Find(null));
    }

    [Fact]
    public void Every_built_in_text_passes_the_validation_users_lists_go_through()
    {
        var texts = BuiltInKits.All.SelectMany(k => new[] { k.Opening, k.Closing }.Concat(k.Parts.SelectMany(p => p.Questions)));

        Assert.All(texts, text => Assert.Empty(PlaceholderFiller.Validate(text)));
    }

    [Fact]
    public void Every_built_in_kit_filled_without_any_data_shows_no_brace()
    {
        foreach (var kit in BuiltInKits.All)
        {
            var filled = PlaceholderFiller.Fill(kit, new PlaceholderValues());

            var texts = filled.Parts.SelectMany(p => p.Questions).Append(filled.Opening ?? "").Append(filled.Closing ?? "");
            Assert.All(texts, t => Assert.DoesNotContain('{', t));
            Assert.All(texts, t => Assert.DoesNotContain('}', t));
            Assert.Equal(kit.Parts.Sum(p => p.Questions.Count), filled.Parts.Sum(p => p.Questions.Count));
        }
    }
}
