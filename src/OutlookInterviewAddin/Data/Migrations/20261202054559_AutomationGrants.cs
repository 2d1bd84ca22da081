using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProtectedCache = table.Column<byte[]>(type: "BLOB", nullable: true),
                    BeganAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
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
