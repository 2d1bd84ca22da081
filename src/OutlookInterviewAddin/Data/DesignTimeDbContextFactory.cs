using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OutlookInterviewAddin.Data;

/// <summary>Lets `dotnet ef migrations add` build the SQLite model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options, DataOwner.Nobody);
}

/// <summary>
/// Lets `dotnet ef migrations add X --context PostgreSqlDbContext -o Data/PostgreSqlMigrations`
/// build the PostgreSQL model; adding a migration needs no server.
/// </summary>
internal sealed class DesignTimePostgreSqlDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options, DataOwner.Nobody);
}
