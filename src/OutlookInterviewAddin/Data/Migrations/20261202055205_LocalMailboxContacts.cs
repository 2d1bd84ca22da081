using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocalMailboxContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MailboxContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GraphId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmailAddresses = table.Column<string>(type: "TEXT", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BusinessCity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonalNotes = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerObjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxContacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxContacts_GraphId",
                table: "MailboxContacts",
                column: "GraphId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MailboxContacts_OwnerTenantId_OwnerObjectId",
                table: "MailboxContacts",
                columns: new[] { "OwnerTenantId", "OwnerObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_MailboxContacts_OwnerTenantId_OwnerObjectId_CreatedAt",
                table: "MailboxContacts",
                columns: new[] { "OwnerTenantId", "OwnerObjectId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailboxContacts");
        }
    }
}
