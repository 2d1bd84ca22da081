using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Data;

public sealed class StorageTests
{
    [Fact]
    public async Task Data_survives_a_restart_of_the_host()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        Guid personId, interviewId;
        await using (var first = new AddinFactory { DataDirectory = dataDirectory, DeleteDataOnDispose = false })
        {
            var alice = first.CreateClientFor(TestUser.Alice);
            var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez", city: "Halifax"));
            await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
            (personId, interviewId) = (interview.Person.Id, interview.Id);
        }

        await using var second = new AddinFactory { DataDirectory = dataDirectory };
        var aliceAgain = second.CreateClientFor(TestUser.Alice);
        var person = await aliceAgain.GetAsync<PersonDto>($"/api/people/{personId}");
        var readBack = await aliceAgain.GetAsync<InterviewDto>($"/api/interviews/{interviewId}");

        Assert.Equal("Halifax", person.City);
        Assert.Equal(InterviewStage.Contacted, readBack.Stage);
        Assert.Equal([InterviewStage.Prospect, InterviewStage.Contacted], readBack.StageHistory.Select(s => s.Stage));
    }

    [Fact]
    public async Task Stay_in_touch_touches_survive_a_restart_of_the_host()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "oia-tests", Guid.NewGuid().ToString("N"));
        Guid interviewId;
        await using (var first = new AddinFactory { DataDirectory = dataDirectory, DeleteDataOnDispose = false })
        {
            var alice = first.CreateClientFor(TestUser.Alice);
            var interview = await alice.AddInterviewAsync(WorkflowApi.NewPerson("Ana Lopez"));
            await alice.MoveThroughAsync(interview.Id, InterviewStage.Contacted, InterviewStage.Scheduled, InterviewStage.Interviewed, InterviewStage.Thanked);
            var response = await alice.PostAsJsonAsync($"/api/interviews/{interview.Id}/touches", new TouchInput(Note: "Joined the planning society"), WorkflowApi.Json);
            await response.ReadAsync<TouchDto>(HttpStatusCode.Created);
            interviewId = interview.Id;
        }

        await using var second = new AddinFactory { DataDirectory = dataDirectory };
        var readBack = await second.CreateClientFor(TestUser.Alice).GetAsync<InterviewDto>($"/api/interviews/{interviewId}");

        Assert.Equal(InterviewStage.StayingInTouch, readBack.Stage);
        Assert.Equal("Joined the planning society", Assert.Single(readBack.Touches).Note);
    }

    [Fact]
    public async Task The_database_is_the_configured_one()
    {
        await using var factory = new AddinFactory();
        await factory.DataReadyAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var file = Path.Combine(factory.DataDirectory, DataExtensions.DatabaseFileName);

        if (TestStorage.IsPostgreSql)
        {
            // ConnectionStrings:PostgreSQL chose PostgreSQL: no SQLite file is made beside it.
            Assert.IsType<PostgreSqlDbContext>(db);
            Assert.Equal(factory.DatabaseName, db.Database.GetDbConnection().Database);
            Assert.False(File.Exists(file));
            return;
        }
        Assert.True(db.Database.IsSqlite());
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Checked_in_migrations_match_the_model_on_both_providers()
    {
        await using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        await using var postgres = new DesignTimePostgreSqlDbContextFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context AppDbContext --output-dir Data/Migrations (in src/OutlookInterviewAddin)");
        Assert.False(postgres.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgreSqlDbContext --output-dir Data/PostgreSqlMigrations (in src/OutlookInterviewAddin)");
        // The two providers' migrations describe the same tables.
        Assert.Equal(
            sqlite.Model.GetEntityTypes().Select(e => e.GetTableName()).Order(),
            postgres.Model.GetEntityTypes().Select(e => e.GetTableName()).Order());
    }

    [Fact]
    public async Task The_started_host_has_applied_every_migration()
    {
        await using var factory = new AddinFactory();
        await factory.DataReadyAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Every_table_of_user_data_has_owner_columns()
    {
        await using var factory = new AddinFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Every table but the host's own Data Protection keys holds one user's data.
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)))
        {
            Assert.NotNull(entity.FindProperty(nameof(UserOwned.OwnerTenantId)));
            Assert.NotNull(entity.FindProperty(nameof(UserOwned.OwnerObjectId)));
            Assert.NotEmpty(entity.GetDeclaredQueryFilters());
        }
    }

    [Fact]
    public async Task Writing_without_a_signed_in_user_is_refused()
    {
        await using var factory = new AddinFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        db.People.Add(new Person { Name = "Nobody's contact" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_context_created_for_a_user_outside_a_request_sees_only_that_users_rows()
    {
        await using var factory = new AddinFactory();
        var alicesPerson = await factory.CreateClientFor(TestUser.Alice).AddPersonAsync(WorkflowApi.NewPerson("Alice's contact"));
        var bobsPerson = await factory.CreateClientFor(TestUser.Bob).AddPersonAsync(WorkflowApi.NewPerson("Bob's contact"));
        await using var scope = factory.Services.CreateAsyncScope();

        await using var db = scope.ServiceProvider.CreateDbContextFor(new DataOwner(TestUser.Alice.TenantId, TestUser.Alice.ObjectId));
        var ids = await db.People.Select(p => p.Id).ToListAsync();

        Assert.Contains(alicesPerson.Id, ids);
        Assert.DoesNotContain(bobsPerson.Id, ids);
    }
}
