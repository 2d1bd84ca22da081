using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class FollowThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DoNotContact",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AutomationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Work = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ItemId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomationActivities_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AutomationSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    StayInTouchMonths = table.Column<int>(type: "integer", nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Province = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EnabledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationActivities_InterviewId",
                table: "AutomationActivities",
                column: "InterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomationActivities_OwnerTenantId_OwnerObjectId",
                table: "AutomationActivities",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationActivities_OwnerTenantId_OwnerObjectId_ClaimedAt",
                table: "AutomationActivities",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "ClaimedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AutomationActivities_OwnerTenantId_OwnerObjectId_InterviewI~",
                table: "AutomationActivities",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "Work", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AutomationSettings_Enabled",
                table: "AutomationSettings",
                column: "Enabled");

            migrationBuilder.CreateIndex(
                name: "IX_AutomationSettings_OwnerTenantId_OwnerObjectId",
                table: "AutomationSettings",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutomationActivities");

            migrationBuilder.DropTable(
                name: "AutomationSettings");

            migrationBuilder.DropColumn(
                name: "DoNotContact",
                table: "People");
        }
    }
}
