using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class AutomationGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutomationGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProtectedCache = table.Column<byte[]>(type: "bytea", nullable: true),
                    BeganAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationGrants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationGrants_OwnerTenantId_OwnerObjectId",
                table: "AutomationGrants",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutomationGrants");
        }
    }
}
