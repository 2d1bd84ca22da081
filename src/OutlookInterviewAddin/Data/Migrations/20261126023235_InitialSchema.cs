using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FieldsOfInterest = table.Column<string>(type: "TEXT", nullable: false),
                    PositionsOfInterest = table.Column<string>(type: "TEXT", nullable: false),
                    InTenYears = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InTwentyYears = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    School = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Program = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Interviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StageEnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlannedStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    PlaceKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MeetingUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    QuestionListId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TailoredQuestions = table.Column<string>(type: "TEXT", nullable: true),
                    OutreachMessageId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    InviteEventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ThankYouMessageId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    FitRating = table.Column<int>(type: "INTEGER", nullable: true),
                    FitNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LinkedInUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Connection = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConnectionDetail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReferredById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredViaInterviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Interviews_ReferredViaInterviewId",
                        column: x => x.ReferredViaInterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_People_People_ReferredById",
                        column: x => x.ReferredById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageChanges_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Takeaways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsMostHelpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Takeaways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Takeaways_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_OwnerTenantId_OwnerObjectId_Stage",
                table: "Interviews",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_PersonId",
                table: "Interviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId",
                table: "People",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_People_OwnerTenantId_OwnerObjectId_EmailKey",
                table: "People",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "EmailKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_ReferredById",
                table: "People",
                column: "ReferredById");

            migrationBuilder.CreateIndex(
                name: "IX_People_ReferredViaInterviewId",
                table: "People",
                column: "ReferredViaInterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_OwnerTenantId_OwnerObjectId",
                table: "Profiles",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionLists_OwnerTenantId_OwnerObjectId",
                table: "QuestionLists",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_StageChanges_InterviewId_EnteredAt",
                table: "StageChanges",
                columns: new[] { "InterviewId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StageChanges_OwnerTenantId_OwnerObjectId",
                table: "StageChanges",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_InterviewId",
                table: "Takeaways",
                column: "InterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_OwnerTenantId_OwnerObjectId",
                table: "Takeaways",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_InterviewId_At",
                table: "Touches",
                columns: new[] { "InterviewId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_OwnerTenantId_OwnerObjectId",
                table: "Touches",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Interviews_People_PersonId",
                table: "Interviews",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Interviews_People_PersonId",
                table: "Interviews");

            migrationBuilder.DropTable(
                name: "Profiles");

            migrationBuilder.DropTable(
                name: "QuestionLists");

            migrationBuilder.DropTable(
                name: "StageChanges");

            migrationBuilder.DropTable(
                name: "Takeaways");

            migrationBuilder.DropTable(
                name: "Touches");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Interviews");
        }
    }
}
