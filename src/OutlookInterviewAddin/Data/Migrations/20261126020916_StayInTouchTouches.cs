using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
{
    /// <inheritdoc />
    public partial class StayInTouchTouches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Touches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Touches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Touches_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_InterviewId_At",
                table: "Touches",
                columns: new[] { "InterviewId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_OwnerTenantId_OwnerObjectId",
                table: "Touches",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Touches");
        }
    }
}
