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
}
