using System.Net;
using System.Net.Http.Json;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Profile;

public sealed class ProfileApiTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private readonly HttpClient alice = factory.CreateClientFor(TestUser.Alice);

    [Fact]
    public async Task The_profile_is_saved_and_read_back()
    {
        var input = new ProfileInput(
            "Urban transit", [" Transportation planning ", "", "Civic tech"], ["Transit planner"],
            "Leading planning projects", "Running a transit agency", "University of Waterloo", "Planning",
            "Toronto", "Eastern Standard Time", "Sam Lee\nUniversity of Waterloo");

        await (await alice.PutAsJsonAsync("/api/profile", input, WorkflowApi.Json)).ReadAsync<ProfileDto>(HttpStatusCode.OK);
        var profile = await alice.GetAsync<ProfileDto>("/api/profile");

        Assert.Equal(["Transportation planning", "Civic tech"], profile.FieldsOfInterest);
        Assert.Equal("Running a transit agency", profile.InTwentyYears);
        Assert.Equal("America/New_York", profile.TimeZone);
        Assert.Equal("Sam Lee\nUniversity of Waterloo", profile.Signature);
        Assert.NotNull(profile.UpdatedAt);
    }

    [Fact]
    public async Task Bad_profile_fields_answer_per_field_errors()
    {
        var input = new ProfileInput(new string('i', 2001), [new string('f', 201)], null, null, null, null, null, null, "Nowhere/Land", null);

        var errors = await (await alice.PutAsJsonAsync("/api/profile", input, WorkflowApi.Json)).ValidationErrorsAsync();

        Assert.Equal(["fieldsOfInterest[0]", "interests", "timeZone"], errors.Keys.Order().ToArray());
    }
}
