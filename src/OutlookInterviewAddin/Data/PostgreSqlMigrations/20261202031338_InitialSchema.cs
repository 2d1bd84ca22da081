using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OutlookInterviewAddin.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentGraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BodyContentType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BodyContent = table.Column<string>(type: "text", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OriginalTimeZone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Attendees = table.Column<string>(type: "text", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    ExtendedProperties = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventGraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Attendee = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AttachmentNames = table.Column<string>(type: "text", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Folder = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsDraft = table.Column<bool>(type: "boolean", nullable: false),
                    Subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BodyContentType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BodyContent = table.Column<string>(type: "text", nullable: false),
                    FromName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FromAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ToRecipients = table.Column<string>(type: "text", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    ExtendedProperties = table.Column<string>(type: "text", nullable: false),
                    InReplyToGraphId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxOperations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Interests = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FieldsOfInterest = table.Column<List<string>>(type: "text[]", nullable: false),
                    PositionsOfInterest = table.Column<List<string>>(type: "text[]", nullable: false),
                    InTenYears = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InTwentyYears = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    School = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Program = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Signature = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Interviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StageEnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PlannedStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    PlaceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MeetingUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    QuestionListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TailoredQuestions = table.Column<string>(type: "text", nullable: true),
                    OutreachMessageId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    InviteEventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ThankYouMessageId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    InviteTransactionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InviteStep = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InviteSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FitRating = table.Column<int>(type: "integer", nullable: true),
                    FitNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LinkedInUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Connection = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConnectionDetail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ReferredById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredViaInterviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsMostHelpful = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InterviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Interviews_PersonId",
                table: "Interviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxAttachments_GraphId",
                table: "MailboxAttachments",
                column: "GraphId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxAttachments_OwnerTenantId_OwnerObjectId",
                table: "MailboxAttachments",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxAttachments_ParentGraphId",
                table: "MailboxAttachments",
                column: "ParentGraphId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxEvents_GraphId",
                table: "MailboxEvents",
                column: "GraphId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxEvents_OwnerTenantId_OwnerObjectId",
                table: "MailboxEvents",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxEvents_OwnerTenantId_OwnerObjectId_StartUtc",
                table: "MailboxEvents",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxEvents_OwnerTenantId_OwnerObjectId_TransactionId",
                table: "MailboxEvents",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "TransactionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxInvitations_EventGraphId",
                table: "MailboxInvitations",
                column: "EventGraphId");

            migrationBuilder.CreateIndex(
                name: "IX_MailboxInvitations_OwnerTenantId_OwnerObjectId",
                table: "MailboxInvitations",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxMessages_GraphId",
                table: "MailboxMessages",
                column: "GraphId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxMessages_OwnerTenantId_OwnerObjectId",
                table: "MailboxMessages",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxMessages_OwnerTenantId_OwnerObjectId_CreatedAt",
                table: "MailboxMessages",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxOperations_OwnerTenantId_OwnerObjectId",
                table: "MailboxOperations",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxOperations_OwnerTenantId_OwnerObjectId_InterviewId_K~",
                table: "MailboxOperations",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "Kind" },
                unique: true);

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
                name: "IX_StageChanges_OwnerTenantId_OwnerObjectId_InterviewId_Stage_~",
                table: "StageChanges",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "Stage", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_InterviewId",
                table: "Takeaways",
                column: "InterviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_InterviewId_MostHelpful",
                table: "Takeaways",
                column: "InterviewId",
                unique: true,
                filter: "\"IsMostHelpful\"");

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_OwnerTenantId_OwnerObjectId",
                table: "Takeaways",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_OwnerTenantId_OwnerObjectId_InterviewId",
                table: "Takeaways",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_InterviewId_At",
                table: "Touches",
                columns: new[] { "InterviewId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_OwnerTenantId_OwnerObjectId",
                table: "Touches",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_OwnerTenantId_OwnerObjectId_InterviewId_At",
                table: "Touches",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "At" });

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
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "MailboxAttachments");

            migrationBuilder.DropTable(
                name: "MailboxEvents");

            migrationBuilder.DropTable(
                name: "MailboxInvitations");

            migrationBuilder.DropTable(
                name: "MailboxMessages");

            migrationBuilder.DropTable(
                name: "MailboxOperations");

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
