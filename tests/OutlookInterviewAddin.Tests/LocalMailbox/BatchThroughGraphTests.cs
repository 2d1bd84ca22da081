using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

/// <summary>JSON batching: the SDK's own batch content and response readers, and the payloads Graph refuses.</summary>
public sealed class BatchThroughGraphTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    [Fact]
    public async Task Two_lookups_in_one_batch_through_the_SDK()
    {
        using var mailbox = new Mailbox(factory);
        var tagged = await mailbox.DraftAsync("Outreach", tag: "batch-1");
        await mailbox.DraftAsync("Other", tag: "batch-2");
        var latest = await mailbox.ReceiveAsync("Priya Shah", "priya@metrolinx.example", "Hello from Priya");
        var invite = await mailbox.Graph.Me.Events.PostAsync(new Event
        {
            Subject = "Coffee",
            Start = new DateTimeTimeZone { DateTime = "2027-03-15T10:00:00", TimeZone = "America/Toronto" },
            End = new DateTimeTimeZone { DateTime = "2027-03-15T10:30:00", TimeZone = "America/Toronto" },
        });

        var batch = new BatchRequestContentCollection(mailbox.Graph);
        var lookup = await batch.AddBatchRequestStepAsync(mailbox.Graph.Me.Messages.ToGetRequestInformation(rc =>
        {
            rc.QueryParameters.Filter = Mailbox.TagFilter("batch-1");
            rc.QueryParameters.Select = ["id", "isDraft", "webLink", "sentDateTime", "subject"];
            rc.QueryParameters.Top = 1;
        }));
        var fromPerson = await batch.AddBatchRequestStepAsync(mailbox.Graph.Me.Messages.ToGetRequestInformation(rc =>
        {
            rc.QueryParameters.Filter = "receivedDateTime ge 2000-01-01T00:00:00Z and from/emailAddress/address eq 'priya@metrolinx.example'";
            rc.QueryParameters.Orderby = ["receivedDateTime desc"];
            rc.QueryParameters.Top = 1;
        }));
        var eventStep = await batch.AddBatchRequestStepAsync(mailbox.Graph.Me.Events[invite!.Id].ToGetRequestInformation(rc =>
            rc.Headers.Add("Prefer", "outlook.timezone=\"America/Toronto\"")));
        var response = await mailbox.Graph.Batch.PostAsync(batch);

        var found = await response.GetResponseByIdAsync<MessageCollectionResponse>(lookup);
        var person = await response.GetResponseByIdAsync<MessageCollectionResponse>(fromPerson);
        var e = await response.GetResponseByIdAsync<Event>(eventStep);
        var statuses = await response.GetResponsesStatusCodesAsync();

        Assert.Equal(tagged!.Id, Assert.Single(found.Value!).Id);
        Assert.Equal(latest, Assert.Single(person.Value!).Id);
        Assert.Equal("2027-03-15T10:00:00.0000000", e.Start!.DateTime);
        Assert.All(statuses.Values, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task A_step_url_written_from_the_SDKs_request_URI_below_the_service_root_is_understood()
    {
        using var mailbox = new Mailbox(factory);
        var tagged = await mailbox.DraftAsync("Outreach to O'Brien", tag: "it's 100% mine & yours");
        var request = mailbox.Graph.Me.Messages.ToGetRequestInformation(rc =>
        {
            rc.QueryParameters.Filter = Mailbox.TagFilter("it's 100% mine & yours");
            rc.QueryParameters.Select = ["id", "subject"];
            rc.QueryParameters.Top = 1;
        });
        request.PathParameters["baseurl"] = LocalGraph.BaseUrl;
        var url = request.URI.ToString()[LocalGraph.BaseUrl.Length..];

        var answer = await Post(mailbox, new
        {
            requests = new[] { new { id = "1", method = "GET", url, headers = new Dictionary<string, string> { ["Prefer"] = "IdType=\"ImmutableId\"" } } },
        });

        var step = Assert.Single(answer.GetProperty("responses").EnumerateArray());
        Assert.Equal(200, step.GetProperty("status").GetInt32());
        Assert.Equal(tagged!.Id, Assert.Single(step.GetProperty("body").GetProperty("value").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_failed_step_answers_in_its_own_response_and_the_others_still_run()
    {
        using var mailbox = new Mailbox(factory);

        var answer = await Post(mailbox, new
        {
            requests = new object[]
            {
                new { id = "1", method = "GET", url = "/me/messages?$filter=subject eq 'x'" },
                new { id = "2", method = "GET", url = "me/events/unknown-id", headers = new Dictionary<string, string> { ["Prefer"] = "IdType=\"ImmutableId\"" } },
                new { id = "3", method = "POST", url = "/me/messages", body = new { subject = "x" } },
                new { id = "4", method = "GET", url = "/me/mailFolders" },
                new { id = "5", method = "GET", url = "/me/messages?%24top=1", dependsOn = new[] { "4" } },
                new { id = "6", method = "GET", url = "/me/messages?%24top=1&%24select=id" },
            },
        });

        var responses = answer.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal("ErrorInvalidUrlQueryFilter", ErrorCode(responses["1"], 400));
        Assert.Equal("ErrorItemNotFound", ErrorCode(responses["2"], 404));
        Assert.Equal("BadRequest", ErrorCode(responses["3"], 400));
        Assert.Equal("BadRequest", ErrorCode(responses["4"], 400));
        Assert.Equal("FailedDependency", ErrorCode(responses["5"], 424));
        Assert.Equal(200, responses["6"].GetProperty("status").GetInt32());
        Assert.Equal("application/json", responses["6"].GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(0, responses["6"].GetProperty("body").GetProperty("value").GetArrayLength());
        Assert.Equal(0, (await mailbox.PageAsync()).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task More_than_twenty_requests_is_a_400()
    {
        using var mailbox = new Mailbox(factory);

        var response = await mailbox.Http.PostAsJsonAsync("/graph/v1.0/$batch", new
        {
            requests = Enumerable.Range(1, 21).Select(i => new { id = $"{i}", method = "GET", url = "/me/messages" }),
        });

        Assert.Equal("BadRequest", (await Mailbox.GraphErrorAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_batch_without_requests_is_a_400()
    {
        using var mailbox = new Mailbox(factory);

        var response = await mailbox.Http.PostAsJsonAsync("/graph/v1.0/$batch", new { value = Array.Empty<object>() });

        await Mailbox.GraphErrorAsync(response, HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> Post(Mailbox mailbox, object payload) =>
        await (await mailbox.Http.PostAsJsonAsync("/graph/v1.0/$batch", payload)).ReadAsync<JsonElement>(HttpStatusCode.OK);

    private static string? ErrorCode(JsonElement response, int status)
    {
        Assert.Equal(status, response.GetProperty("status").GetInt32());
        return response.GetProperty("body").GetProperty("error").GetProperty("code").GetString();
    }
}
