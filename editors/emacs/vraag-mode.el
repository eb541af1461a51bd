;;; vraag-mode.el --- Major mode for Flemish parliamentary written questions  -*- lexical-binding: t; -*-

;; Author: the Vraagbaak authors
;; Version: 0.1
;; Package-Requires: ((emacs "26.1"))
;; Keywords: languages, text
;; URL: see editors/emacs/README.md in the Vraagbaak repository

;;; Commentary:

;; `vraag-mode' edits drafts of written questions (`.vraag' files): it
;; highlights the header keys (aan:, van:, thema:, datum:), the title line,
;; the numbered questions (1.), the sub-items (a)) and citations of earlier
;; questions (schriftelijke vraag nr. 123 van 26 januari 2024).
;;
;; With eglot (Emacs 29+, or the eglot package / Debian's elpa-eglot on
;; Emacs 26-28) it registers the Vraagbaak language server:
;;
;;   (require 'vraag-mode)
;;   (add-hook 'vraag-mode-hook #'eglot-ensure)
;;
;; The language id sent to the server is "vraag" (from the mode's name).

;;; Code:

(defgroup vraag nil
  "Drafting written questions with the Vraagbaak language server."
  :group 'languages
  :prefix "vraag-")

(defcustom vraag-server-command '("vraagbaak" "serve")
  "Command line that starts the Vraagbaak language server.
Add \"--log\" \"/tmp/vraagbaak.log\" to see the traffic."
  :type '(repeat string)
  :group 'vraag)

(defface vraag-header-key-face '((t :inherit font-lock-keyword-face))
  "Face for the header keys aan:, van:, thema:, datum:." :group 'vraag)
(defface vraag-title-face '((t :inherit font-lock-function-name-face :weight bold))
  "Face for the title line (Onderwerp - Specificatie)." :group 'vraag)
(defface vraag-number-face '((t :inherit font-lock-constant-face :weight bold))
  "Face for question numbers (1., 2., ...)." :group 'vraag)
(defface vraag-sub-item-face '((t :inherit font-lock-constant-face))
  "Face for sub-item letters (a), b), ...)." :group 'vraag)
(defface vraag-citation-face '((t :inherit font-lock-type-face :underline t))
  "Face for citations of earlier questions." :group 'vraag)

(defconst vraag-header-keys '("aan" "van" "thema" "datum")
  "The header keys of a draft.")

(defconst vraag--months
  (regexp-opt '("januari" "februari" "maart" "april" "mei" "juni" "juli"
                "augustus" "september" "oktober" "november" "december"))
  "Dutch month names.")

(defconst vraag--header-regexp
  (concat "^\\(" (regexp-opt vraag-header-keys) ":\\)")
  "A header line: a key at the start of a line, then a colon.")

(defconst vraag--date-regexp
  (concat "\\(?:[0-9]\\{1,2\\}[ \t\n]+" vraag--months "[ \t\n]+[0-9]\\{4\\}"
          "\\|[0-9]\\{1,2\\}[/-][0-9]\\{1,2\\}[/-][0-9]\\{4\\}\\)")
  "A date: 26 januari 2024, 26/01/2024 or 26-01-2024.")

(defconst vraag--citation-regexp
  (concat "\\b\\(?:\\(?:mijn\\|de\\)[ \t\n]+\\)?"
          "\\(?:\\(?:schriftelijke[ \t\n]+\\)?vraag\\(?:[ \t\n]+om[ \t\n]+uitleg\\)?\\|SV\\)"
          "[ \t\n]+nr\\.[ \t\n]*[0-9]+"
          "\\(?:[ \t\n]+van[ \t\n]+" vraag--date-regexp "\\)?")
  "A citation: schriftelijke vraag nr. 123 van 26 januari 2024, SV nr. 118, ...")

(defun vraag--match-title (limit)
  "Font-lock matcher for the title line, up to LIMIT."
  (let ((bounds (vraag--title-bounds)))
    (when (and bounds (>= (car bounds) (point)) (<= (car bounds) limit))
      (goto-char (cdr bounds))
      (set-match-data (list (car bounds) (cdr bounds)))
      t)))

(defun vraag--title-bounds ()
  "Return (BEG . END) of the title line, or nil.
The title is the first non-blank line after the optional header lines."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (let ((case-fold-search t))
        (while (and (not (eobp))
                    (or (looking-at-p "[ \t]*$")
                        (looking-at-p vraag--header-regexp)))
          (forward-line 1)))
      (unless (or (eobp) (looking-at-p "[ \t]*[0-9]+\\.[ \t]"))
        (cons (point) (line-end-position))))))

(defvar vraag-font-lock-keywords
  `((,vraag--header-regexp 1 'vraag-header-key-face)
    (vraag--match-title 0 'vraag-title-face)
    ("^[ \t]*\\([0-9]+\\.\\)\\(?:[ \t]\\|$\\)" 1 'vraag-number-face)
    ("^[ \t]*\\([a-z])\\)" 1 'vraag-sub-item-face)
    (,vraag--citation-regexp 0 'vraag-citation-face prepend))
  "Font-lock keywords of `vraag-mode'.")

(defvar vraag-mode-syntax-table
  (let ((table (make-syntax-table text-mode-syntax-table)))
    (modify-syntax-entry ?\" "." table)
    table)
  "Syntax table of `vraag-mode'.")

;;;###autoload
(define-derived-mode vraag-mode text-mode "Vraag"
  "Major mode for drafts of written questions (`.vraag' files).
\\{vraag-mode-map}"
  (setq-local font-lock-defaults '(vraag-font-lock-keywords nil t))
  (setq-local font-lock-multiline t)
  ;; A new title changes what the first lines mean: refontify from the top.
  (setq-local jit-lock-contextually t)
  (setq-local paragraph-start (concat "[ \t]*$\\|[ \t]*[0-9]+\\.[ \t]\\|[ \t]*[a-z])[ \t]\\|"
                                      paragraph-start))
  (setq-local adaptive-fill-regexp "[ \t]*\\(?:[0-9]+\\.\\|[a-z])\\)?[ \t]*"))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.vraag\\'" . vraag-mode))

(defun vraag-eglot-contact (&optional _interactive)
  "The eglot contact for `vraag-mode': `vraag-server-command'."
  vraag-server-command)

;; The eglot-server-programs entry; the language id is "vraag".
(defvar eglot-server-programs)
;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(vraag-mode . vraag-eglot-contact)))

(provide 'vraag-mode)
;;; vraag-mode.el ends here
