using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.People;

/// <summary>The language a person is written to in, tu or vous for French, and the pane's language in the profile.</summary>
public sealed class PersonLanguageApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);
    private readonly HttpClient bob = factory.CreateClientFor(TestUser.Bob);

    [Fact]
    public async Task A_person_is_written_to_in_english_unless_the_user_says_french()
    {
        var english = await alice.AddPersonAsync(WorkflowApi.NewPerson("Ana Lopez"));
        var french = await alice.AddPersonAsync(WorkflowApi.NewPerson("Élise Tremblay") with { Language = " FR-ca " });

        Assert.Equal("en", english.Language);
        Assert.Equal("fr", french.Language);
        Assert.Equal("fr", (await alice.GetAsync<PersonDto>($"/api/people/{french.Id}")).Language);
    }

    [Fact]
    public async Task An_edit_that_leaves_the_language_out_keeps_it_and_one_that_gives_it_changes_it()
    {
        var person = WorkflowApi.NewPerson("Élise Tremblay") with { Language = "fr" };
        var added = await alice.AddPersonAsync(person);

        var edited = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person with { Language = null, City = "Québec" }, WorkflowApi.Json))
            .ReadAsync<PersonDto>(HttpStatusCode.OK);
        var back = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person with { Language = "en" }, WorkflowApi.Json))
            .ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal("fr", edited.Language);
        Assert.Equal("Québec", edited.City);
        Assert.Equal("en", back.Language);
    }

    [Fact]
    public async Task Merging_an_english_record_with_a_french_one_keeps_french_and_the_chosen_tu()
    {
        var english = await alice.AddPersonAsync(WorkflowApi.NewPerson("Élise Tremblay") with { Email = null });
        var french = await alice.AddPersonAsync(WorkflowApi.NewPerson("Élise Tremblay") with { Language = "fr", AddressForm = "tu" });
        var alreadyFrench = await alice.AddPersonAsync(WorkflowApi.NewPerson("Luc Roy") with { Language = "fr", AddressForm = "vous" });
        var english2 = await alice.AddPersonAsync(WorkflowApi.NewPerson("Luc Roy") with { Email = null });

        var merged = await (await alice.PostAsJsonAsync($"/api/people/{english.Id}/merge", new MergeRequest(french.Id), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var kept = await (await alice.PostAsJsonAsync($"/api/people/{alreadyFrench.Id}/merge", new MergeRequest(english2.Id), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal(("fr", "tu"), (merged.Language, merged.AddressForm));
        Assert.Equal(("fr", "vous"), (kept.Language, kept.AddressForm));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("french")]
    [InlineData("<b>fr</b>")]
    public async Task An_unknown_language_is_refused_with_a_sentence(string language)
    {
        var errors = await (await alice.PostAsJsonAsync("/api/people", WorkflowApi.NewPerson("Ana") with { Language = language }, WorkflowApi.Json))
            .ValidationErrorsAsync();

        var message = Assert.Single(errors["language"]);
        Assert.Contains("\"en\" (English) or \"fr\" (French)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConnectionKind.Family, "tu")]
    [InlineData(ConnectionKind.Friend, "tu")]
    [InlineData(ConnectionKind.Colleague, "vous")]
    [InlineData(ConnectionKind.Professor, "vous")]
    [InlineData(ConnectionKind.Cold, "vous")]
    public async Task Tu_or_vous_follows_the_relationship_until_the_user_chooses(ConnectionKind connection, string expected)
    {
        var added = await alice.AddPersonAsync(WorkflowApi.NewPerson("Élise Tremblay") with { Language = "fr", Connection = connection });

        Assert.Null(added.AddressForm);
        Assert.Equal(expected, added.AddressFormInUse);
    }

    [Fact]
    public async Task The_address_form_can_be_chosen_kept_and_handed_back_to_the_relationship()
    {
        var person = WorkflowApi.NewPerson("Luc Côté") with { Language = "fr", Connection = ConnectionKind.CoopTeammate };
        var added = await alice.AddPersonAsync(person with { AddressForm = "TU" });

        var kept = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var auto = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person with { AddressForm = "auto" }, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);

        Assert.Equal("tu", added.AddressForm);
        Assert.Equal("tu", kept.AddressForm);
        Assert.Equal("tu", kept.AddressFormInUse);
        Assert.Null(auto.AddressForm);
        Assert.Equal("vous", auto.AddressFormInUse);
        var errors = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", person with { AddressForm = "toi" }, WorkflowApi.Json)).ValidationErrorsAsync();
        Assert.Contains("\"tu\", \"vous\", or \"auto\"", Assert.Single(errors["addressForm"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_the_same_person_again_in_another_language_is_a_conflict_not_a_retry()
    {
        var person = WorkflowApi.NewPerson("Élise Tremblay") with { Language = "fr" };
        var first = await alice.AddPersonAsync(person);

        var retry = await (await alice.PostAsJsonAsync("/api/people", person, WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.OK);
        var other = await alice.PostAsJsonAsync("/api/people", person with { Language = "en" }, WorkflowApi.Json);

        Assert.Equal(first.Id, retry.Id);
        await other.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("fr", (await alice.GetAsync<PersonDto>($"/api/people/{first.Id}")).Language);
    }

    [Fact]
    public async Task The_pane_language_is_automatic_until_set_kept_by_edits_without_it_and_per_user()
    {
        var input = new ProfileInput(null, null, null, null, null, null, null, null, null, null, "Maya López");
        Assert.Equal("auto", (await alice.GetAsync<ProfileDto>("/api/profile")).Language);

        var french = await (await alice.PutAsJsonAsync("/api/profile", input with { Language = "fr" }, WorkflowApi.Json)).ReadAsync<ProfileDto>(HttpStatusCode.OK);
        var kept = await (await alice.PutAsJsonAsync("/api/profile", input with { City = "Montréal" }, WorkflowApi.Json)).ReadAsync<ProfileDto>(HttpStatusCode.OK);

        Assert.Equal("fr", french.Language);
        Assert.Equal("fr", kept.Language);
        Assert.Equal("auto", (await bob.GetAsync<ProfileDto>("/api/profile")).Language);
        var automatic = await (await alice.PutAsJsonAsync("/api/profile", input with { Language = "AUTO" }, WorkflowApi.Json)).ReadAsync<ProfileDto>(HttpStatusCode.OK);
        Assert.Equal("auto", automatic.Language);
        var errors = await (await alice.PutAsJsonAsync("/api/profile", input with { Language = "klingon" }, WorkflowApi.Json)).ValidationErrorsAsync();
        Assert.Contains("\"auto\"", Assert.Single(errors["language"]), StringComparison.Ordinal);
    }
}
