using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Auth;

/// <summary>Local tokens need no password, so only a caller on this machine gets one.</summary>
public sealed class LocalTokenCallerTests
{
    // The in-memory test server has no socket: each host here says where its requests come from.
    private static AddinFactory HostCalledFrom(string remoteAddress) => new()
    {
        TestServices = services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remoteAddress))),
    };

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("10.0.0.7")]
    [InlineData("2001:db8::5")]
    public async Task A_caller_from_another_machine_gets_403_and_no_token(string remoteAddress)
    {
        using var host = HostCalledFrom(remoteAddress);
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/auth/local/token", null);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Local sign-in is only available on this machine", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task A_caller_on_this_machine_gets_a_token(string remoteAddress)
    {
        using var host = HostCalledFrom(remoteAddress);
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/auth/local/token", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
