/*
 * Smart Alert on sending a meeting invite (event-based activation, OnAppointmentSend).
 *
 * An invite that belongs to an informational interview (linked to one by the pane, or carrying the
 * "Informational interview" category) and goes out without the question list is held once: the
 * alert offers to add the list from the pane, or to send anyway. Everything else is sent untouched.
 *
 * Classic Outlook on Windows loads this one file in a JavaScript-only runtime: no imports, no
 * modules, no Office.onReady, no DOM. Every path ends in event.completed, and when the item cannot
 * be read the invite is sent: this check must never stand between the user and their own mail.
 */
(function () {
  "use strict";

  var CATEGORY = "Informational interview";
  // Set by the pane when it links the appointment to an interview and when it adds the list.
  var INTERVIEW_PROPERTY = "interviewId";
  var QUESTION_LIST_PROPERTY = "questionListAdded";
  // The attachment the pane and the host write, in the language of the person it is for:
  // "Questions for Zoë O'Brien.docx", "Questions pour Zoë O'Brien.docx", or without a name
  // "Interview questions.docx", "Questions d'entretien.docx".
  var QUESTION_FILE = /^(Questions (for|pour) .+|Interview questions|Questions d['\u2019]entretien)\.docx$/i;
  // What the alert says, in Outlook's display language.
  var TEXT = {
    en: {
      message: "This informational interview has no question list yet. Add it so you both know what you will talk about, or send the invite anyway.",
      add: "Add question list",
    },
    fr: {
      message: "Cette rencontre d\u2019information n\u2019a pas encore de liste de questions. Ajoutez-la pour que vous sachiez tous les deux de quoi vous parlerez, ou envoyez l\u2019invitation quand m\u00eame.",
      add: "Ajouter la liste",
    },
  };

  function text() {
    var language = "";
    try {
      language = String((Office.context && Office.context.displayLanguage) || "");
    } catch (e) {
      language = "";
    }
    return /^fr\b/i.test(language) ? TEXT.fr : TEXT.en;
  }
  // The organizer's button that opens the pane (manifest: Interviews.AppointmentOrganizer.OpenPane).
  var PANE_COMMAND = "Interviews.AppointmentOrganizer.OpenPane";

  function succeeded(result) {
    return result && result.status === Office.AsyncResultStatus.Succeeded;
  }

  function customProperties(item, done) {
    if (!item.loadCustomPropertiesAsync) return done(null);
    item.loadCustomPropertiesAsync(function (result) {
      done(succeeded(result) ? result.value : null);
    });
  }

  function categories(item, done) {
    if (!item.categories || !item.categories.getAsync) return done([]);
    item.categories.getAsync(function (result) {
      done(succeeded(result) && result.value ? result.value : []);
    });
  }

  // null when the attachments cannot be read.
  function attachments(item, done) {
    if (!item.getAttachmentsAsync) return done(null);
    item.getAttachmentsAsync(function (result) {
      done(succeeded(result) && result.value ? result.value : null);
    });
  }

  function hasCategory(list) {
    for (var i = 0; i < list.length; i++) {
      var name = typeof list[i] === "string" ? list[i] : list[i] && list[i].displayName;
      if (name === CATEGORY) return true;
    }
    return false;
  }

  function hasQuestionFile(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i] && QUESTION_FILE.test(list[i].name || "")) return true;
    }
    return false;
  }

  function hold(event) {
    var words = text();
    var options = { allowEvent: false, errorMessage: words.message, cancelLabel: words.add, commandId: PANE_COMMAND };
    // Mailbox 1.14 lets the alert offer "Send anyway" whatever the manifest's send mode.
    if (Office.MailboxEnums && Office.MailboxEnums.SendModeOverride) {
      options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
    }
    event.completed(options);
  }

  function onAppointmentSendHandler(event) {
    var finished = false;
    function complete(allow) {
      if (finished) return;
      finished = true;
      if (allow) event.completed({ allowEvent: true });
      else hold(event);
    }
    try {
      var item = Office.context.mailbox.item;
      customProperties(item, function (properties) {
        var linked = !!(properties && properties.get(INTERVIEW_PROPERTY));
        var listed = !!(properties && properties.get(QUESTION_LIST_PROPERTY));
        categories(item, function (names) {
          if (!linked && !hasCategory(names)) return complete(true);
          if (listed) return complete(true);
          attachments(item, function (files) {
            complete(files === null || hasQuestionFile(files));
          });
        });
      });
    } catch (error) {
      // An item that cannot be read is sent as it is.
      complete(true);
    }
  }

  // The runtime looks the handler up by the name in the manifest's LaunchEvent.
  if (typeof Office !== "undefined" && Office.actions && Office.actions.associate) {
    Office.actions.associate("onAppointmentSendHandler", onAppointmentSendHandler);
  }
  if (typeof globalThis !== "undefined") globalThis.onAppointmentSendHandler = onAppointmentSendHandler;
})();
