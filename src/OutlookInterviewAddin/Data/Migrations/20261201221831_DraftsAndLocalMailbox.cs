using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftsAndLocalMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FullName",
                table: "Profiles",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InviteSentAt",
                table: "Interviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InviteStep",
                table: "Interviews",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InviteTransactionId",
                table: "Interviews",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MailboxAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ParentGraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BodyContentType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BodyContent = table.Column<string>(type: "TEXT", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OriginalTimeZone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    ExtendedProperties = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventGraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attendee = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttachmentNames = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsDraft = table.Column<bool>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BodyContentType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BodyContent = table.Column<string>(type: "TEXT", nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ToRecipients = table.Column<string>(type: "TEXT", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    ExtendedProperties = table.Column<string>(type: "TEXT", nullable: false),
                    InReplyToGraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxOperations", x => x.Id);
                });

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
                name: "IX_MailboxOperations_OwnerTenantId_OwnerObjectId_InterviewId_Kind",
                table: "MailboxOperations",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "InterviewId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropColumn(
                name: "FullName",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "InviteSentAt",
                table: "Interviews");

            migrationBuilder.DropColumn(
                name: "InviteStep",
                table: "Interviews");

            migrationBuilder.DropColumn(
                name: "InviteTransactionId",
                table: "Interviews");
        }
    }
}
