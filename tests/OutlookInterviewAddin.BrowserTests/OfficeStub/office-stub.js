// A stand-in for office.js, served in place of Microsoft's CDN script. The test chooses the host and
// the mailbox item through window.__officeStubConfig (set before the page loads) and reads what the
// pane did from window.__officeStub.calls and the item's recorded state.
(function () {
  "use strict";
  var config = window.__officeStubConfig || { host: "Outlook", surface: "messageRead" };
  var calls = [];
  var state = { body: config.body || "", bodyType: config.bodyType || "html", attachments: [], subject: config.subject || "", categories: [], customProperties: {} };

  function record(method, args) {
    calls.push({ method: method, args: Array.prototype.slice.call(args || []).filter(function (a) { return typeof a !== "function"; }) });
  }

  function succeed(callback, value) {
    var result = { status: "succeeded", value: value, error: null, asyncContext: undefined };
    if (typeof callback === "function") setTimeout(function () { callback(result); }, 0);
  }

  function lastCallback(args) {
    for (var i = args.length - 1; i >= 0; i--) if (typeof args[i] === "function") return args[i];
    return null;
  }

  function asyncMethod(name, getValue, apply) {
    return function () {
      record(name, arguments);
      if (apply) apply.apply(null, arguments);
      succeed(lastCallback(arguments), getValue ? getValue.apply(null, arguments) : undefined);
    };
  }

  function readBody() {
    return { getAsync: asyncMethod("body.getAsync", function () { return state.body; }) };
  }

  function composeBody() {
    return {
      getAsync: asyncMethod("body.getAsync", function () { return state.body; }),
      getTypeAsync: asyncMethod("body.getTypeAsync", function () { return state.bodyType; }),
      setAsync: asyncMethod("body.setAsync", null, function (text) { state.body = text; }),
      prependAsync: asyncMethod("body.prependAsync", null, function (text) { state.body = text + state.body; }),
      setSelectedDataAsync: asyncMethod("body.setSelectedDataAsync", null, function (text) { state.body += text; }),
    };
  }

  function composeField(name, initial) {
    var value = initial;
    return {
      getAsync: asyncMethod(name + ".getAsync", function () { return value; }),
      setAsync: asyncMethod(name + ".setAsync", null, function (v) { value = v; }),
      addAsync: asyncMethod(name + ".addAsync", null, function (v) { value = (value || []).concat(v); }),
    };
  }

  var sender = config.from || { displayName: "Ana Lima", emailAddress: "ana.lima@contoso.example" };
  var start = new Date(config.start || "2026-03-02T15:00:00Z");
  var end = new Date(start.getTime() + (config.minutes || 30) * 60000);

  var items = {
    messageRead: function () {
      return { itemType: "message", itemId: config.itemId || "AAMk-read", subject: config.subject || "Coffee next week?", from: sender, sender: sender, to: [], cc: [], body: readBody() };
    },
    messageCompose: function () {
      return {
        itemType: "message",
        subject: composeField("subject", state.subject),
        to: composeField("to", config.to || []),
        cc: composeField("cc", []),
        body: composeBody(),
        addFileAttachmentFromBase64Async: asyncMethod("addFileAttachmentFromBase64Async", function () { return "att-1"; }, function (b64, name) { state.attachments.push(name); }),
      };
    },
    appointmentOrganizer: function () {
      return {
        itemType: "appointment",
        subject: composeField("subject", state.subject || "Informational interview"),
        start: composeField("start", start),
        end: composeField("end", end),
        requiredAttendees: composeField("requiredAttendees", config.attendees || [sender]),
        optionalAttendees: composeField("optionalAttendees", []),
        location: composeField("location", ""),
        body: composeBody(),
        addFileAttachmentFromBase64Async: asyncMethod("addFileAttachmentFromBase64Async", function () { return "att-1"; }, function (b64, name) { state.attachments.push(name); }),
        getAttachmentsAsync: asyncMethod("getAttachmentsAsync", function () {
          return state.attachments.map(function (name) { return { id: name, name: name, attachmentType: "file", isInline: false }; });
        }),
        removeAttachmentAsync: asyncMethod("removeAttachmentAsync", null, function (id) {
          state.attachments = state.attachments.filter(function (name) { return name !== id; });
        }),
        categories: {
          getAsync: asyncMethod("categories.getAsync", function () { return state.categories.map(function (c) { return { displayName: c, color: "Preset0" }; }); }),
          addAsync: asyncMethod("categories.addAsync", null, function (names) {
            names.forEach(function (n) { if (state.categories.indexOf(n) < 0) state.categories.push(n); });
          }),
        },
        loadCustomPropertiesAsync: asyncMethod("loadCustomPropertiesAsync", function () {
          var pending = {};
          Object.keys(state.customProperties).forEach(function (k) { pending[k] = state.customProperties[k]; });
          return {
            get: function (name) { return pending[name]; },
            set: function (name, value) { pending[name] = value; },
            remove: function (name) { delete pending[name]; },
            saveAsync: asyncMethod("customProperties.saveAsync", null, function () { state.customProperties = pending; }),
          };
        }),
      };
    },
    appointmentAttendee: function () {
      return {
        itemType: "appointment",
        itemId: "AAMk-meeting",
        subject: config.subject || "Coffee with Ana",
        start: start,
        end: end,
        organizer: sender,
        requiredAttendees: [sender],
        optionalAttendees: [],
        location: "Café",
        body: readBody(),
      };
    },
  };

  var item = config.host === "Outlook" && items[config.surface] ? items[config.surface]() : null;
  var handlers = {};

  window.__officeStub = {
    calls: calls,
    state: state,
    /** Lets a test switch the pinned pane to another item, as Outlook does when the selection changes. */
    selectItem: function (surface) {
      window.Office.context.mailbox.item = items[surface] ? items[surface]() : null;
      (handlers.olkItemSelectedChanged || []).forEach(function (h) { h({ type: "olkItemSelectedChanged" }); });
    },
  };

  window.Office = {
    HostType: { Outlook: "Outlook" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged", DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    auth: {
      // Office SSO fails with config.ssoError (13000, "not supported", when the test names none).
      getAccessToken: function (options) {
        record("auth.getAccessToken", [options]);
        var error = { code: config.ssoError || 13000, name: "SSO error", message: "Office SSO failed (stub)" };
        return new Promise(function (resolve, reject) { setTimeout(function () { reject(error); }, 0); });
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" }, RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" } },
    context: {
      officeTheme: config.theme || undefined,
      displayLanguage: config.displayLanguage || "en-US",
      // Every requirement set is there, except nested app authentication unless the test asks for it.
      requirements: { isSetSupported: function (name, version) { record("requirements.isSetSupported", [name, version]); return name !== "NestedAppAuth" || config.nestedAppAuth === true; } },
      ui: {
        // The sign-in dialog opens, then the user closes it (12006).
        displayDialogAsync: function (url, options, callback) {
          record("ui.displayDialogAsync", [url]);
          var dialogHandlers = {};
          var dialog = {
            addEventHandler: function (type, handler) { dialogHandlers[type] = handler; },
            close: function () { record("dialog.close", []); },
          };
          succeed(callback, dialog);
          setTimeout(function () {
            if (dialogHandlers.dialogEventReceived) dialogHandlers.dialogEventReceived({ error: 12006 });
          }, 20);
        },
      },
      mailbox: config.host === "Outlook" ? {
        item: item,
        userProfile: { displayName: "Local user", emailAddress: "me@localhost", timeZone: "Eastern Standard Time" },
        // EWS ids (what Office.js gives) and REST ids (what Graph uses) differ in their URL-unsafe
        // characters, as in Outlook: "/" and "+" against "-" and "_".
        convertToRestId: function (id, version) {
          record("mailbox.convertToRestId", [id, version]);
          return String(id).replace(/\//g, "-").replace(/\+/g, "_");
        },
        convertToEwsId: function (id, version) {
          record("mailbox.convertToEwsId", [id, version]);
          return String(id).replace(/-/g, "/").replace(/_/g, "+");
        },
        displayMessageForm: function (id) { record("mailbox.displayMessageForm", [id]); },
        displayAppointmentForm: function (id) { record("mailbox.displayAppointmentForm", [id]); },
        addHandlerAsync: function (type, handler, callback) {
          record("mailbox.addHandlerAsync", [type]);
          (handlers[type] = handlers[type] || []).push(handler);
          succeed(callback);
        },
      } : undefined,
    },
    onReady: function (callback) {
      record("onReady", []);
      var info = { host: config.host || null, platform: config.host ? "OfficeOnline" : null };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof callback === "function") callback(info);
          resolve(info);
        }, 0);
      });
    },
  };
})();
