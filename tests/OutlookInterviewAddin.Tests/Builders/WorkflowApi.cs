using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;

namespace OutlookInterviewAddin.Tests.Builders;

/// <summary>Test data through the real API, so every builder also exercises the endpoints it calls.</summary>
public static class WorkflowApi
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>A name and email no other test uses, so tests sharing a host do not see each other's people.</summary>
    public static PersonInput NewPerson(string? name = null, string? email = null, string? city = null) =>
        new(name ?? "Priya Shah", email ?? $"priya.{Guid.NewGuid():N}@example.com", Organisation: "Metrolinx", Role: "Senior planner",
            Field: "Transportation planning", City: city, TimeZone: "America/Toronto");

    public static async Task<PersonDto> AddPersonAsync(this HttpClient client, PersonInput? input = null)
    {
        var response = await client.PostAsJsonAsync("/api/people", input ?? NewPerson(), Json);
        return await response.ReadAsync<PersonDto>(HttpStatusCode.Created, HttpStatusCode.OK);
    }

    public static async Task<InterviewDto> AddInterviewAsync(this HttpClient client, Guid personId, string? questionListId = null)
    {
        var response = await client.PostAsJsonAsync("/api/interviews", new NewInterviewInput(personId, questionListId), Json);
        return await response.ReadAsync<InterviewDto>(HttpStatusCode.Created);
    }

    /// <summary>A new person with a new interview.</summary>
    public static async Task<InterviewDto> AddInterviewAsync(this HttpClient client, PersonInput? person = null) =>
        await client.AddInterviewAsync((await client.AddPersonAsync(person)).Id);

    /// <summary>Sets when the meeting is (a time still to come, so no confirmation is asked).</summary>
    public static async Task<InterviewDto> PlanAsync(this HttpClient client, Guid interviewId, DateTimeOffset start) =>
        await (await client.PutAsJsonAsync($"/api/interviews/{interviewId}", new InterviewPlanInput(PlannedStart: start), Json)).ReadAsync<InterviewDto>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid interviewId, InterviewStage stage, DateTimeOffset? at = null) =>
        client.PostAsJsonAsync($"/api/interviews/{interviewId}/stage", new StageChangeInput(stage, at), Json);

    /// <summary>
    /// Moves along the given stages, each of which must be accepted. A scheduled conversation has a
    /// time: an interview without one is scheduled for a minute after the host's clock (read from the
    /// interview's last change), a meeting just starting, so marking it interviewed needs no confirmation.
    /// </summary>
    public static async Task<InterviewDto> MoveThroughAsync(this HttpClient client, Guid interviewId, params InterviewStage[] stages)
    {
        InterviewDto? last = null;
        foreach (var stage in stages)
        {
            DateTimeOffset? start = null;
            if (stage == InterviewStage.Scheduled)
            {
                last ??= await client.GetAsync<InterviewDto>($"/api/interviews/{interviewId}");
                if (last.PlannedStart is null) start = last.UpdatedAt.AddMinutes(1);
            }
            var response = await client.PostAsJsonAsync($"/api/interviews/{interviewId}/stage", new StageChangeInput(stage, PlannedStart: start), Json);
            last = await response.ReadAsync<InterviewDto>(HttpStatusCode.OK);
        }
        return last ?? throw new ArgumentException("No stage given.", nameof(stages));
    }

    public static async Task<T> GetAsync<T>(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync<T>(HttpStatusCode.OK);

    /// <summary>The body as <typeparamref name="T"/>, after checking the status (the body is in the failure message otherwise).</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"Expected {string.Join(" or ", expected)} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>The ProblemDetails body of an error answer, checking status and content type.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The per-field errors of a 400 ValidationProblem.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }
}
