using Microsoft.EntityFrameworkCore;

namespace OutlookInterviewAddin.Data;

/// <summary>
/// The host's model on PostgreSQL. It adds nothing to <see cref="AppDbContext"/>: it exists so its
/// migrations (Data/PostgreSqlMigrations) are told apart from SQLite's. Every model change gets a
/// migration for each provider; a test checks that neither has pending model changes.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options, DataOwner owner) : AppDbContext(options, owner);
