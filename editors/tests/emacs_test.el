;;; emacs_test.el --- Real-editor test: Emacs + eglot drive vraagbaak  -*- lexical-binding: t; -*-

;; Runs Emacs (28 + eglot 1.9 from Debian, or newer) in batch through
;; editors/emacs/vraag-mode.el and its eglot-server-programs entry:
;;
;;   VRAAGBAAK_BINARY=/path/to/vraagbaak \
;;   emacs -Q --batch -L <eglot dir> -l editors/tests/emacs_test.el DIR/numbering.vraag
;;
;; DIR must also hold clean.vraag (copies of examples/).  Flymake never runs in
;; batch, so the test reads eglot's buffer-local `eglot--diagnostics'; eglot sends
;; didChange from an idle timer, so the test calls
;; `eglot--signal-textDocument/didChange' itself.  Exit status 0 when every check
;; passes, 1 on a failed check, 2 on an error.  Optional: VRAAGBAAK_LOG=FILE.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defvar vraag-test--failures 0)
(defvar vraag-test--started (float-time))

(defun vraag-test--log (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun vraag-test--ok (cond what &optional detail)
  (if cond
      (vraag-test--log "  ok   %s" what)
    (cl-incf vraag-test--failures)
    (vraag-test--log "  FAIL %s%s" what (if detail (format ": %s" detail) "")))
  cond)

(defun vraag-test--finish (&optional code)
  ;; eglot-shutdown sends `shutdown' (and `exit' once that is answered), then
  ;; stops the process; an error answer is a failure (eglot sends `params: null').
  (let ((server (and (fboundp 'eglot-current-server) (ignore-errors (eglot-current-server)))))
    (when server
      (condition-case err
          (eglot-shutdown server nil 3)
        (error (setq vraag-test--failures (1+ vraag-test--failures))
               (vraag-test--log "  FAIL eglot-shutdown: %s" (error-message-string err))))))
  (vraag-test--log "emacs: %s, %d failure(s), %.1f s"
                   (if (and (null code) (zerop vraag-test--failures)) "passed" "FAILED")
                   vraag-test--failures (- (float-time) vraag-test--started))
  (kill-emacs (or code (if (zerop vraag-test--failures) 0 1))))

(defun vraag-test--wait (seconds predicate)
  "Process server output until PREDICATE holds or SECONDS pass; return its value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(defvar vraag-test--here
  (file-name-directory (or load-file-name buffer-file-name)))

(defvar vraag-test--draft
  (file-truename (or (pop command-line-args-left)
                     (error "usage: ... -l emacs_test.el DIR/numbering.vraag"))))

(defvar vraag-test--binary (getenv "VRAAGBAAK_BINARY"))

;; Publications of diagnostics per file, to tell "none found" from "not yet checked".
(defvar vraag-test--published (make-hash-table :test #'equal))

(defun vraag-test--codes ()
  "The codes of the diagnostics eglot holds for the current buffer, sorted."
  (sort (mapcar (lambda (diag)
                  (let* ((data (flymake-diagnostic-data diag))
                         (lsp (cdr (assq 'eglot-lsp-diag data))))
                    (format "%s" (plist-get lsp :code))))
                eglot--diagnostics)
        #'string<))

(defun vraag-test--find (text)
  "Move point to the start of TEXT in the current buffer; return point or nil."
  (goto-char (point-min))
  (when (search-forward text nil t)
    (goto-char (match-beginning 0))))

(defun vraag-test--face-at (text &optional offset)
  (save-excursion
    (when (vraag-test--find text)
      (let ((face (get-text-property (+ (point) (or offset 0)) 'face)))
        (if (listp face) face (list face))))))

;; Go to definition on the default corpus (the embedded seeds, no configuration),
;; through eglot's own xref backend (`M-.'): the cited question's read-only copy
;; in the cache folder opens at its title.
(defun vraag-test--definition-on-default-corpus ()
  (let ((from (current-buffer))
        (want "002_e03af9a1a96cd0dc.txt"))
    (if (not (vraag-test--find "nr. 123 van 26 januari 2024"))
        (vraag-test--ok nil "definition: clean.vraag cites nr. 123")
      (forward-char 5)
      (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
      (let ((file (or (buffer-file-name) "")))
        (vraag-test--ok (string-suffix-p want file) "go to definition opens the seed's copy" file)
        (vraag-test--ok (string-match-p "/seeds/" file) "... in the seeds folder of the cache" file)
        (vraag-test--ok (looking-at-p "Inburgeringstrajecten  -  Stand van zaken")
                        "... at the title line"
                        (buffer-substring (line-beginning-position) (line-end-position)))
        (vraag-test--ok (and (file-exists-p file)
                             (= (logand (file-modes file) #o777) #o400))
                        "... which is read-only" (and (file-exists-p file) (format "%o" (file-modes file)))))
      (switch-to-buffer from))))

(defun vraag-test--run ()
  (vraag-test--log "%s; eglot %s; server %s"
                   (car (split-string (emacs-version) "\n"))
                   (or (ignore-errors
                         (with-temp-buffer
                           (insert-file-contents (locate-library "eglot.el"))
                           (when (re-search-forward "^;; Version: \\(.*\\)$" nil t)
                             (match-string 1))))
                       "?")
                   vraag-test--binary)
  (unless (and vraag-test--binary (file-executable-p vraag-test--binary))
    (vraag-test--ok nil "VRAAGBAAK_BINARY names an executable" vraag-test--binary)
    (vraag-test--finish))

  ;; The user's set-up: vraag-mode.el on the load path, eglot loaded.
  (add-to-list 'load-path (expand-file-name "../emacs" vraag-test--here))
  (require 'vraag-mode)
  (require 'eglot)
  (vraag-test--ok (assq 'vraag-mode eglot-server-programs)
                  "vraag-mode.el adds its entry to eglot-server-programs")
  (setq vraag-server-command
        (if (getenv "VRAAGBAAK_LOG")
            (list vraag-test--binary "serve" "--log" (getenv "VRAAGBAAK_LOG"))
          (list vraag-test--binary "serve")))
  (advice-add 'eglot-handle-notification :after
              (lambda (_server method &rest params)
                (when (eq method 'textDocument/publishDiagnostics)
                  (let ((file (file-truename (eglot--uri-to-path (plist-get params :uri)))))
                    (puthash file (1+ (gethash file vraag-test--published 0))
                             vraag-test--published)))))

  ;; 1. The draft with a planted problem: mode, font-lock, eglot, diagnostics.
  (find-file vraag-test--draft)
  (vraag-test--ok (eq major-mode 'vraag-mode) "auto-mode-alist: *.vraag opens in vraag-mode"
                  major-mode)
  (font-lock-ensure)
  (vraag-test--ok (memq 'vraag-header-key-face (vraag-test--face-at "aan:"))
                  "font-lock: header key aan:")
  (vraag-test--ok (memq 'vraag-title-face (vraag-test--face-at "Inburgeringsattesten - "))
                  "font-lock: the title line")
  (vraag-test--ok (memq 'vraag-number-face (vraag-test--face-at "4. Overweegt"))
                  "font-lock: the number 4.")
  (vraag-test--ok (not (memq 'vraag-title-face (vraag-test--face-at "Werkgevers kennen")))
                  "font-lock: the introduction is not a title")
  (let ((eglot-sync-connect t)
        (contact (eglot--guess-contact)))
    (vraag-test--ok (equal (nth 4 contact) "vraag") "eglot guesses language id vraag"
                    (nth 4 contact))
    (apply #'eglot contact))
  (let ((server (eglot-current-server)))
    (unless (vraag-test--ok (and server (jsonrpc-running-p server) eglot--managed-mode)
                            "eglot started vraagbaak and manages the draft")
      (vraag-test--finish))
    (vraag-test--ok (equal (plist-get (eglot--server-info server) :name) "vraagbaak")
                    "serverInfo.name is vraagbaak" (eglot--server-info server))
    ;; The corpus (the embedded seeds) loads in the background, on a thread of its
    ;; own: hover, completion and definition below need it.
    (let ((records (lambda () (plist-get (jsonrpc-request server :vraagbaak/corpusStatus nil) :records))))
      (vraag-test--wait 15 (lambda () (equal 5 (funcall records))))
      (vraag-test--ok (equal 5 (funcall records)) "the corpus holds the five embedded seeds" (funcall records))))
  (vraag-test--wait 15 (lambda () (member "numbering" (vraag-test--codes))))
  (vraag-test--ok (member "numbering" (vraag-test--codes))
                  "diagnostic `numbering` on numbering.vraag" (vraag-test--codes))
  (let ((diag (cl-find-if (lambda (d) (string-match-p "numbering" (flymake-diagnostic-text d)))
                          eglot--diagnostics)))
    (when diag
      (vraag-test--ok (eq (flymake-diagnostic-type diag) 'eglot-warning)
                      "`numbering` is a warning" (flymake-diagnostic-type diag))
      (vraag-test--ok (save-excursion (goto-char (flymake-diagnostic-beg diag))
                                      (looking-at-p "4\\."))
                      "`numbering` starts at `4.`")))

  ;; 2. An edit: renumber 4 -> 3; eglot sends didChange, the finding goes away.
  (let ((before (gethash vraag-test--draft vraag-test--published 0)))
    (when (vraag-test--find "4. Overweegt")
      (delete-char 1)
      (insert "3"))
    (eglot--signal-textDocument/didChange)
    (vraag-test--wait 10 (lambda () (> (gethash vraag-test--draft vraag-test--published 0) before)))
    (vraag-test--ok (and (> (gethash vraag-test--draft vraag-test--published 0) before)
                         (null eglot--diagnostics))
                    "after renumbering 4 -> 3 the diagnostics clear" (vraag-test--codes)))

  ;; 3. A clean draft in the same folder: managed by the same server, no findings.
  (let* ((server (eglot-current-server))
         (clean (file-truename (expand-file-name "clean.vraag" (file-name-directory vraag-test--draft)))))
    (find-file clean)
    (vraag-test--ok (and eglot--managed-mode (eq (eglot-current-server) server))
                    "clean.vraag is managed by the same server")
    (vraag-test--wait 10 (lambda () (> (gethash clean vraag-test--published 0) 0)))
    (vraag-test--ok (and (> (gethash clean vraag-test--published 0) 0) (null eglot--diagnostics))
                    "clean.vraag: diagnostics published, none found" (vraag-test--codes))
    (font-lock-ensure)
    (vraag-test--ok (memq 'vraag-citation-face
                          (vraag-test--face-at "schriftelijke vraag nr. 123 van 26 januari 2024"))
                    "font-lock: the citation")
    (vraag-test--ok (memq 'vraag-sub-item-face (vraag-test--face-at "a) per sector"))
                    "font-lock: the sub-item a)")

    ;; Hover on the citation: eglot without markdown-mode asks for plain text.
    (if (not (vraag-test--find "nr. 123 van 26 januari 2024"))
        (vraag-test--ok nil "clean.vraag cites nr. 123")
      (forward-char 5)
      (let* ((hover (jsonrpc-request server :textDocument/hover
                                     (eglot--TextDocumentPositionParams)))
             (contents (plist-get hover :contents))
             (text (and contents (eglot--hover-info contents))))
        (vraag-test--ok (and text (string-match-p "Inburgeringstrajecten" text))
                        "hover on the citation shows the cited title" hover)
        (vraag-test--ok (and (listp contents) (equal (plist-get contents :kind) "plaintext"))
                        "hover is plaintext (eglot without markdown-mode)" contents)
        (vraag-test--ok (and text (not (string-match-p "\\*\\*\\|^#" text)))
                        "plaintext hover has no Markdown markup" text)))

    ;; Completion after `vraag nr. ` on a new line, through eglot's capf.
    (goto-char (point-max))
    (insert "\nZie ook vraag nr. ")
    (eglot--signal-textDocument/didChange)
    (let* ((capf (eglot-completion-at-point))
           (candidates (and capf (all-completions "" (nth 2 capf))))
           (labels (mapcar (lambda (c)
                             (plist-get (get-text-property 0 'eglot--lsp-item c) :label))
                           candidates)))
      (vraag-test--ok (member "123 van 26 januari 2024" labels)
                      "completion after `vraag nr. ` offers `123 van 26 januari 2024`"
                      labels))

    ;; The outline (documentSymbol), as imenu asks for it.
    (let ((symbols (jsonrpc-request server :textDocument/documentSymbol
                                    `(:textDocument ,(eglot--TextDocumentIdentifier)))))
      (vraag-test--ok (> (length symbols) 0) "documentSymbol returns the outline" symbols)))
  (vraag-test--definition-on-default-corpus)
  (vraag-test--finish))

(condition-case err
    (vraag-test--run)
  (error
   (vraag-test--ok nil "no Lisp error" (error-message-string err))
   (vraag-test--finish 2)))

;;; emacs_test.el ends here
