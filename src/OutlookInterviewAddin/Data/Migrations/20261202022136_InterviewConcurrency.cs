using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
{
    /// <inheritdoc />
    public partial class InterviewConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Interviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Concurrent marks could leave several most helpful takeaways on one interview; the
            // latest-created one stays marked, so the unique index below can be built.
            migrationBuilder.Sql("""
                UPDATE "Takeaways" SET "IsMostHelpful" = 0
                WHERE "IsMostHelpful" AND EXISTS (
                    SELECT 1 FROM "Takeaways" AS "Later"
                    WHERE "Later"."InterviewId" = "Takeaways"."InterviewId" AND "Later"."IsMostHelpful"
                      AND ("Later"."CreatedAt" > "Takeaways"."CreatedAt"
                           OR ("Later"."CreatedAt" = "Takeaways"."CreatedAt" AND "Later"."Id" > "Takeaways"."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_InterviewId_MostHelpful",
                table: "Takeaways",
                column: "InterviewId",
                unique: true,
                filter: "\"IsMostHelpful\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Takeaways_InterviewId_MostHelpful",
                table: "Takeaways");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Interviews");
        }
    }
}
