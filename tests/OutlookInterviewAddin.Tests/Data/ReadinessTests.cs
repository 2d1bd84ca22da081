using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Data;

/// <summary>
/// The host listens before its database is migrated: alive at once, ready (and serving the API)
/// once migrated, and a clear 503 if migrating fails.
/// </summary>
public sealed class ReadinessTests
{
    /// <summary>A host whose start-up migration is held back, so the test decides when it ends.</summary>
    private static AddinFactory HeldBack() => new()
    {
        TestServices = services =>
        {
            var migrator = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AppDataMigrator));
            services.Remove(migrator);
        },
    };

    [Fact]
    public async Task Before_the_migration_ends_the_host_is_live_not_ready_and_the_api_waits()
    {
        await using var factory = HeldBack();
        using var client = factory.CreateClientFor(TestUser.Alice);
        var readiness = factory.Services.GetRequiredService<AppDataReadiness>();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        var waiting = client.GetAsync("/api/people");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        // The migration the test held back, run now.
        await new AppDataMigrator(factory.Services, factory.Services.GetRequiredService<StorageOptions>(), readiness,
            factory.Services.GetRequiredService<IHostApplicationLifetime>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<AppDataMigrator>.Instance)
            .StartAsync(CancellationToken.None);
        await readiness.WaitAsync();

        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task When_the_migration_fails_requests_get_a_503_that_says_why()
    {
        await using var factory = HeldBack();
        using var client = factory.CreateClientFor(TestUser.Alice);
        var waiting = client.GetAsync("/api/people");
        await Task.Delay(100);

        factory.Services.GetRequiredService<AppDataReadiness>().MarkFailed("The SQLite file could not be opened: disk full");

        var problem = await (await waiting).ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Storage is not available", problem.GetProperty("title").GetString());
        Assert.Contains("disk full", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
