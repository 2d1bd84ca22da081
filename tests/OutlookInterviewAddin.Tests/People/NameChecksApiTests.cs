using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.People;

/// <summary>Names, organisations, roles and greetings with markup or placeholder syntax are refused where they are typed.</summary>
public sealed class NameChecksApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    private const string NameMessage = "This does not look like a name: remove the <, >, { } or [[ ]].";
    private const string OrganisationMessage = "This does not look like an organisation's name: remove the <, >, { } or [[ ]].";
    private const string RoleMessage = "This does not look like a role: remove the <, >, { } or [[ ]].";

    public static TheoryData<string, string, string> HostileFields => new()
    {
        { "name", "<img src=x onerror=alert(1)>", NameMessage },
        { "name", "{{firstName}}", NameMessage },
        { "organisation", "</p><script>alert(2)</script>", OrganisationMessage },
        { "organisation", "[[Company]]", OrganisationMessage },
        { "role", "{role}", RoleMessage },
        { "greetAs", "Dr. <b>Okafor</b>", NameMessage },
    };

    private static PersonInput With(PersonInput person, string field, string value) => field switch
    {
        "name" => person with { Name = value },
        "organisation" => person with { Organisation = value },
        "role" => person with { Role = value },
        "greetAs" => person with { GreetAs = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task Adding_a_person_with_markup_in_a_name_field_is_refused_naming_the_field(string field, string value, string message)
    {
        var person = With(WorkflowApi.NewPerson("Priya Shah"), field, value);

        var errors = await (await alice.PostAsJsonAsync("/api/people", person, WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
        Assert.DoesNotContain((await alice.GetAsync<OutlookInterviewAddin.Paging.Page<PersonSummary>>($"/api/people?search={Uri.EscapeDataString(person.Email!)}")).Items, p => p.Email == person.Email);
    }

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task Editing_a_person_to_markup_in_a_name_field_is_refused_and_changes_nothing(string field, string value, string message)
    {
        var original = WorkflowApi.NewPerson("Priya Shah") with { GreetAs = "Dr. Shah" };
        var added = await alice.AddPersonAsync(original);

        var errors = await (await alice.PutAsJsonAsync($"/api/people/{added.Id}", With(original, field, value), WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal([message], errors[field]);
        var kept = await alice.GetAsync<PersonDto>($"/api/people/{added.Id}");
        Assert.Equal(("Priya Shah", "Metrolinx", "Senior planner", "Dr. Shah"), (kept.Name, kept.Organisation, kept.Role, kept.GreetAs));
    }

    [Fact]
    public async Task A_name_on_two_lines_is_refused()
    {
        var errors = await (await alice.PostAsJsonAsync("/api/people", new PersonInput("Priya\nShah"), WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal(["This does not look like a name: keep it on one line, without tabs or other control characters."], errors["name"]);
    }

    [Theory]
    [InlineData("Zoë O'Brien", "AT&T", "Dr. Okafor")]
    [InlineData("Renée St-Pierre", "Procter & Gamble", "Renée")]
    [InlineData("José (Pepe) García", "The Ontario Ministry of Health", "Pepe")]
    [InlineData("O'Neil-Smith, Jr.", "Metrolinx", "Mr. O'Neil-Smith")]
    [InlineData("李小龙", "嘉禾", "李先生")]
    public async Task Real_names_are_accepted_as_typed(string name, string organisation, string greetAs)
    {
        var added = await alice.AddPersonAsync(WorkflowApi.NewPerson(name) with { Organisation = organisation, GreetAs = greetAs });

        var read = await alice.GetAsync<PersonDto>($"/api/people/{added.Id}");

        Assert.Equal((name, organisation, greetAs), (read.Name, read.Organisation, read.GreetAs));
    }

    [Theory]
    [InlineData("name", "<Tom>", NameMessage)]
    [InlineData("organisation", "{organisation}", OrganisationMessage)]
    [InlineData("role", "[[role]]", RoleMessage)]
    [InlineData("greetAs", "{{greeting}}", NameMessage)]
    public async Task A_referral_with_markup_in_a_name_field_is_refused_and_nobody_is_added(string field, string value, string message)
    {
        var interview = await alice.AddInterviewAsync();
        var email = $"tom.{Guid.NewGuid():N}@example.com";
        var referral = field switch
        {
            "name" => new ReferralInput(Name: value, Email: email),
            "organisation" => new ReferralInput(Name: "Tom Reyes", Email: email, Organisation: value),
            "role" => new ReferralInput(Name: "Tom Reyes", Email: email, Role: value),
            _ => new ReferralInput(Name: "Tom Reyes", Email: email, GreetAs: value),
        };

        var errors = await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals", referral, WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal([message], errors[field]);
        Assert.Empty((await alice.GetAsync<InterviewDto>($"/api/interviews/{interview.Id}")).Referrals);
    }

    [Fact]
    public async Task A_referral_with_a_real_name_is_added()
    {
        var interview = await alice.AddInterviewAsync();

        var added = await (await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/referrals",
            new ReferralInput(Name: "Renée St-Pierre", Organisation: "Procter & Gamble", GreetAs: "Renée"), WorkflowApi.Json)).ReadAsync<PersonDto>(HttpStatusCode.Created);

        Assert.Equal(("Renée St-Pierre", "Procter & Gamble", "Renée"), (added.Name, added.Organisation, added.GreetAs));
    }

    [Theory]
    [InlineData("Alice <b>Martin</b>", "This does not look like a name: remove the <, >, { } or [[ ]].")]
    [InlineData("{{me}}", "This does not look like a name: remove the <, >, { } or [[ ]].")]
    [InlineData("Alice\tMartin", "This does not look like a name: keep it on one line, without tabs or other control characters.")]
    public async Task The_profile_name_with_markup_is_refused_and_the_saved_one_stays(string fullName, string message)
    {
        var user = new TestUser(Guid.NewGuid(), Guid.NewGuid(), "Profile", $"{Guid.NewGuid():N}@example.com");
        var client = factory.CreateClientFor(user);
        await (await client.PutAsJsonAsync("/api/profile", Profile("Zoë O'Brien"), WorkflowApi.Json)).ReadAsync<ProfileDto>(HttpStatusCode.OK);

        var errors = await (await client.PutAsJsonAsync("/api/profile", Profile(fullName), WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal([message], errors["fullName"]);
        Assert.Equal("Zoë O'Brien", (await client.GetAsync<ProfileDto>("/api/profile")).FullName);
    }

    private static ProfileInput Profile(string fullName) =>
        new("Urban transit", ["Transportation planning"], null, null, null, "University of Waterloo", "Planning", "Toronto", "America/Toronto", null, fullName);
}
