;;; emacs_text_test.el --- Emacs + eglot: text as people write it  -*- lexical-binding: t; -*-

;; Issue 14 in a real client: Emacs (28 + eglot 1.9, or newer) in batch through
;; editors/emacs/vraag-mode.el, on copies of editors/tests/drafts:
;;   1. a draft pasted from a word processor (no-break spaces, a tab, soft hyphens,
;;      a zero-width space, curly quotes) gets the findings of its plain twin;
;;   2. a quick fix applied through eglot's workspace edit;
;;   3. source.fixAll on a draft with several defects, applied, then asked again:
;;      nothing left to do (idempotent), the guesses left for the member.
;;
;;   VRAAGBAAK_BINARY=/path/to/vraagbaak \
;;   emacs -Q --batch -L <eglot dir> -l editors/tests/emacs_text_test.el DIR/plain.vraag
;;
;; Exit status 0 when every check passes, 1 on a failed check, 2 on an error.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defvar vraag-text--failures 0)
(defvar vraag-text--started (float-time))

(defun vraag-text--log (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun vraag-text--ok (cond what &optional detail)
  (if cond
      (vraag-text--log "  ok   %s" what)
    (cl-incf vraag-text--failures)
    (vraag-text--log "  FAIL %s%s" what (if detail (format ": %S" detail) "")))
  cond)

(defun vraag-text--finish (&optional code)
  (let ((server (and (fboundp 'eglot-current-server) (ignore-errors (eglot-current-server)))))
    (when server (ignore-errors (eglot-shutdown server nil 3))))
  (vraag-text--log "emacs (text): %s, %d failure(s), %.1f s"
                   (if (and (null code) (zerop vraag-text--failures)) "passed" "FAILED")
                   vraag-text--failures (- (float-time) vraag-text--started))
  (kill-emacs (or code (if (zerop vraag-text--failures) 0 1))))

(defun vraag-text--wait (seconds predicate)
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(defvar vraag-text--here (file-name-directory (or load-file-name buffer-file-name)))
(defvar vraag-text--draft
  (file-truename (or (pop command-line-args-left)
                     (error "usage: ... -l emacs_text_test.el DIR/plain.vraag"))))
(defvar vraag-text--dir (file-name-directory vraag-text--draft))
(defvar vraag-text--binary (getenv "VRAAGBAAK_BINARY"))
(defvar vraag-text--published (make-hash-table :test #'equal))

(defun vraag-text--lsp (diag)
  (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data diag))))

(defun vraag-text--seen ()
  "Code, severity and message of the current buffer's diagnostics, sorted."
  (sort (mapcar (lambda (diag)
                  (let ((lsp (vraag-text--lsp diag)))
                    (format "%s %s %s" (plist-get lsp :code) (plist-get lsp :severity) (plist-get lsp :message))))
                eglot--diagnostics)
        #'string<))

(defun vraag-text--diag (code)
  (cl-find-if (lambda (d) (equal (plist-get (vraag-text--lsp d) :code) code)) eglot--diagnostics))

(defun vraag-text--open (name)
  (let ((file (file-truename (expand-file-name name vraag-text--dir))))
    (find-file file)
    (vraag-text--wait 10 (lambda () eglot--managed-mode))
    file))

(defun vraag-text--code-actions (server range diagnostics only)
  (append (jsonrpc-request server :textDocument/codeAction
                           `(:textDocument ,(eglot--TextDocumentIdentifier)
                             :range ,range
                             :context (:diagnostics ,(vconcat diagnostics) :only ,(vconcat only))))
          nil))

(defun vraag-text--file-string (file)
  (with-temp-buffer
    (set-buffer-multibyte t)
    (let ((coding-system-for-read 'utf-8-unix)) (insert-file-contents file))
    (buffer-string)))

(defun vraag-text--run ()
  (unless (and vraag-text--binary (file-executable-p vraag-text--binary))
    (vraag-text--ok nil "VRAAGBAAK_BINARY names an executable" vraag-text--binary)
    (vraag-text--finish))
  (add-to-list 'load-path (expand-file-name "../emacs" vraag-text--here))
  (require 'vraag-mode)
  (require 'eglot)
  (setq vraag-server-command
        (if (getenv "VRAAGBAAK_LOG")
            (list vraag-text--binary "serve" "--log" (getenv "VRAAGBAAK_LOG"))
          (list vraag-text--binary "serve")))
  (advice-add 'eglot-handle-notification :after
              (lambda (_server method &rest params)
                (when (eq method 'textDocument/publishDiagnostics)
                  (let ((file (file-truename (eglot--uri-to-path (plist-get params :uri)))))
                    (puthash file (1+ (gethash file vraag-text--published 0)) vraag-text--published)))))

  ;; 1. The plain draft, then its pasted twin, in the same server.
  (find-file vraag-text--draft)
  (let ((eglot-sync-connect t)) (apply #'eglot (eglot--guess-contact)))
  (let ((server (eglot-current-server)))
    (unless (vraag-text--ok (and server eglot--managed-mode) "eglot started vraagbaak on plain.vraag")
      (vraag-text--finish))
    (vraag-text--wait 15 (lambda () (and (vraag-text--diag "numbering") (vraag-text--diag "title-punctuation"))))
    (let ((plain (vraag-text--seen))
          (pasted-file (vraag-text--open "pasted.vraag")))
      (vraag-text--ok (= (length plain) 2) "plain.vraag: numbering and title-punctuation" plain)
      (vraag-text--ok (and (string-match-p "\u00a0" (buffer-string)) (string-match-p "\u00ad" (buffer-string)))
                      "pasted.vraag holds no-break spaces and soft hyphens")
      (vraag-text--wait 15 (lambda () (and (> (gethash pasted-file vraag-text--published 0) 0)
                                           (>= (length eglot--diagnostics) (length plain)))))
      (vraag-text--ok (equal (vraag-text--seen) plain) "pasted.vraag gets exactly the findings of plain.vraag"
                      (list :pasted (vraag-text--seen) :plain plain)))

    ;; 2. A quick fix applied: renumber in plain.vraag, through eglot's edit.
    (switch-to-buffer (get-file-buffer vraag-text--draft))
    (let* ((diag (vraag-text--diag "numbering"))
           (lsp (and diag (vraag-text--lsp diag)))
           (actions (and lsp (vraag-text--code-actions server (plist-get lsp :range) (list lsp) '("quickfix"))))
           (renumber (cl-find-if (lambda (a) (and (plist-get a :edit)
                                                   (string-match-p "hernummeren" (plist-get a :title))))
                                 actions)))
      (vraag-text--ok (cl-find-if (lambda (a) (equal (plist-get a :title) "Deze melding negeren in dit ontwerp")) actions)
                      "every finding offers to silence it" (mapcar (lambda (a) (plist-get a :title)) actions))
      (when (vraag-text--ok renumber "a renumbering quick fix is offered" actions)
        (let ((before (gethash vraag-text--draft vraag-text--published 0)))
          (eglot--apply-workspace-edit (plist-get renumber :edit))
          (eglot--signal-textDocument/didChange)
          (vraag-text--wait 10 (lambda () (and (> (gethash vraag-text--draft vraag-text--published 0) before)
                                               (not (vraag-text--diag "numbering")))))
          (vraag-text--ok (not (vraag-text--diag "numbering")) "after the quick fix the numbering finding is gone"
                          (vraag-text--seen))
          (vraag-text--ok (save-excursion (goto-char (point-min)) (search-forward "\n3. Overweegt" nil t))
                          "the fix wrote 3. in the buffer"))))

;; 2b. Silence one finding: the command writes vraagbaak.json, never the draft.
    (let* ((diag (vraag-text--diag "title-punctuation"))
           (lsp (and diag (vraag-text--lsp diag)))
           (actions (and lsp (vraag-text--code-actions server (plist-get lsp :range) (list lsp) '("quickfix"))))
           (silence (cl-find-if (lambda (a) (and (plist-get a :command)
                                                  (equal (plist-get a :title) "Deze melding negeren in dit ontwerp")))
                                actions))
           (before (buffer-string)))
      (when (vraag-text--ok silence "the silence quick fix carries a command" actions)
        (let ((command (plist-get silence :command)))
          (eglot-execute-command server (intern (plist-get command :command)) (plist-get command :arguments)))
        ;; Asked again, the server no longer has the finding for this draft (a request,
        ;; not a push: in batch, eglot 1.9 sometimes drops a push when Flymake's report
        ;; function from an earlier idle run has gone stale, although the server sent it).
        (let ((silenced (lambda ()
                          (not (cl-find-if (lambda (a) (cl-find-if (lambda (d) (equal (plist-get d :code) "title-punctuation"))
                                                                   (plist-get a :diagnostics)))
                                           (vraag-text--code-actions server (plist-get lsp :range) nil '("quickfix")))))))
          (vraag-text--wait 10 silenced)
          (vraag-text--ok (funcall silenced) "the silenced finding is gone"))
        (vraag-text--ok (equal (buffer-string) before) "the draft is untouched")
        (let ((json (ignore-errors (vraag-text--file-string (expand-file-name "vraagbaak.json" vraag-text--dir)))))
          (vraag-text--ok (and json (string-match-p "\"plain.vraag\"" json) (string-match-p "\"title-punctuation\"" json))
                          "vraagbaak.json holds the entry for plain.vraag" json))))

    ;; 3. source.fixAll on a draft with several defects; then again: nothing to do.
    (let ((file (vraag-text--open "fixall.vraag"))
          (whole '(:start (:line 0 :character 0) :end (:line 0 :character 0))))
      (vraag-text--wait 15 (lambda () (and (vraag-text--diag "item-empty") (vraag-text--diag "citation-date-mismatch"))))
      (vraag-text--ok (>= (length eglot--diagnostics) 7) "fixall.vraag has its defects" (vraag-text--seen))
      (let ((actions (vraag-text--code-actions server whole nil '("source.fixAll"))))
        (when (vraag-text--ok (and (= (length actions) 1) (equal (plist-get (car actions) :kind) "source.fixAll"))
                              "one source.fixAll action" actions)
          (let ((before (gethash file vraag-text--published 0)))
            ;; As eglot does: an action offered without its edit (the server makes
            ;; fix-all's edit on demand) is completed with codeAction/resolve.
            (let ((action (car actions)))
              (when (and (null (plist-get action :edit)) (plist-get action :data))
                (setq action (jsonrpc-request server :codeAction/resolve action)))
              (eglot--apply-workspace-edit (plist-get action :edit)))
            (eglot--signal-textDocument/didChange)
            (vraag-text--ok (equal (buffer-substring-no-properties (point-min) (point-max))
                                   (vraag-text--file-string (expand-file-name "fixall.expected" vraag-text--dir)))
                            "fixAll leaves the expected text" (buffer-string))
            (vraag-text--wait 15 (lambda () (and (> (gethash file vraag-text--published 0) before)
                                                 (= (length eglot--diagnostics) 2)
                                                 (vraag-text--diag "date-impossible")
                                                 (vraag-text--diag "citation-date-mismatch"))))
            (vraag-text--ok (and (= (length eglot--diagnostics) 2) (vraag-text--diag "date-impossible")
                                 (vraag-text--diag "citation-date-mismatch"))
                            "left: the guesses (31 februari, the cited date)" (vraag-text--seen))
            (vraag-text--ok (null (vraag-text--code-actions server whole nil '("source.fixAll")))
                            "fixAll again: nothing left to do (idempotent)"))))))
  (vraag-text--finish))

(condition-case err
    (vraag-text--run)
  (error
   (vraag-text--ok nil "no Lisp error" (error-message-string err))
   (vraag-text--finish 2)))

;;; emacs_text_test.el ends here
