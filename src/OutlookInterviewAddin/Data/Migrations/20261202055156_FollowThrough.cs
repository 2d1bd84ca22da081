using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AutomationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    StayInTouchMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Province = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EnabledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "IX_AutomationActivities_OwnerTenantId_OwnerObjectId_InterviewId_Work_Round",
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
