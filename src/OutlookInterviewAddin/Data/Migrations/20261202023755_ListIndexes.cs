using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_Stage",
                table: "Interviews");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "People",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationKey",
                table: "People",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Touches_OwnerTenantId_OwnerObjectId_InterviewId_At",
                table: "Touches",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_OwnerTenantId_OwnerObjectId_InterviewId",
                table: "Takeaways",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId" });

            migrationBuilder.CreateIndex(
                name: "IX_StageChanges_OwnerTenantId_OwnerObjectId_InterviewId_Stage_EnteredAt",
                table: "StageChanges",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "Stage", "EnteredAt" });

            // Keys for the people already stored; the app keeps them from now on. SQLite's upper() only
            // folds ASCII, so a non-ASCII name sorts by its stored case until the person is next saved.
            migrationBuilder.Sql("""
                UPDATE "People" SET "NameKey" = upper(trim("Name")),
                    "OrganisationKey" = CASE WHEN trim(coalesce("Organisation", '')) = '' THEN NULL ELSE upper(trim("Organisation")) END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_NameKey_Id",
                table: "People",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "NameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_OrganisationKey",
                table: "People",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "OrganisationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_ReferredById",
                table: "People",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "ReferredById" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_ReferredViaInterviewId",
                table: "People",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "ReferredViaInterviewId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_CreatedAt_Id",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_PersonId_CreatedAt",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "PersonId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_PlannedStart",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_QuestionListId",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "QuestionListId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_Stage_StageEnteredAt",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "Stage", "StageEnteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Touches_OwnerTenantId_OwnerObjectId_InterviewId_At",
                table: "Touches");

            migrationBuilder.DropIndex(
                name: "IX_Takeaways_OwnerTenantId_OwnerObjectId_InterviewId",
                table: "Takeaways");

            migrationBuilder.DropIndex(
                name: "IX_StageChanges_OwnerTenantId_OwnerObjectId_InterviewId_Stage_EnteredAt",
                table: "StageChanges");

            migrationBuilder.DropIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_NameKey_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_OrganisationKey",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_ReferredById",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_ReferredViaInterviewId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_CreatedAt_Id",
                table: "Interviews");

            migrationBuilder.DropIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_PersonId_CreatedAt",
                table: "Interviews");

            migrationBuilder.DropIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_PlannedStart",
                table: "Interviews");

            migrationBuilder.DropIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_QuestionListId",
                table: "Interviews");

            migrationBuilder.DropIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_Stage_StageEnteredAt",
                table: "Interviews");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "OrganisationKey",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_Stage",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "Stage" });
        }
    }
}
