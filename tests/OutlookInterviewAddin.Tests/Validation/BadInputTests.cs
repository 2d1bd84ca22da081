using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Validation;

/// <summary>The host as a developer runs it: minimal APIs throw on unreadable requests in Development.</summary>
public sealed class DevelopmentAddinFactory : AddinFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class BadInputTests(DevelopmentAddinFactory factory) : IClassFixture<DevelopmentAddinFactory>
{
    [Theory]
    [InlineData("POST", "/api/people", "{ \"name\": ")]
    [InlineData("POST", "/api/people", "{ \"name\": \"Ana\", \"connection\": 3 }")]
    [InlineData("PUT", "/api/profile", "{ \"fieldsOfInterest\": \"not a list\" }")]
    [InlineData("POST", "/api/interviews", "{ \"personId\": \"not-a-guid\" }")]
    [InlineData("GET", "/api/interviews?personId=not-a-guid", null)]
    public async Task Unreadable_requests_answer_400_problem_details_in_development_too(string method, string url, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await factory.CreateClientFor(TestUser.Alice).SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/people", "{ \"name\": \"Ana\", \"connection\": \"stranger\" }", "connection")]
    [InlineData("/api/people", "{ \"name\": 42 }", "name")]
    [InlineData("/api/question-lists", "{ \"name\": \"L\", \"parts\": [{ \"title\": \"T\", \"questions\": [1] }] }", "parts[0].questions[0]")]
    public async Task A_value_of_the_wrong_type_is_a_per_field_error(string url, string body, string field)
    {
        var response = await factory.CreateClientFor(TestUser.Alice).PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal([field], (await response.ValidationErrorsAsync()).Keys);
    }
}
