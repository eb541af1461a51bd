" Vim/Neovim syntax for drafts of written questions (.vraag).
if exists("b:current_syntax")
  finish
endif
syntax case ignore
syntax sync fromstart

" Header lines at the top: aan:, van:, thema:, datum:
syntax match vraagHeaderKey "^\%(aan\|van\|thema\|datum\):" contained
syntax match vraagHeader "^\%(aan\|van\|thema\|datum\):.*$" contains=vraagHeaderKey

" The title: the first non-blank line that is neither a header nor a question. A
" region from the start of the file holds the header; its end is the title.
syntax region vraagPreamble start="\%^" matchgroup=vraagTitle end="^\%(\%(aan\|van\|thema\|datum\):\)\@!\%(\s*\d\+\.\%(\s\|$\)\)\@!\s*\S.*$" contains=vraagHeader,vraagNumber,vraagSubItem,vraagCitation,vraagDate

" Numbered questions and sub-items.
syntax match vraagNumber "^\s*\d\+\.\ze\%(\s\|$\)"
syntax match vraagSubItem "^\s*\l)\ze\%(\s\|$\)"

" Citations of earlier questions and Dutch dates.
syntax match vraagDate "\<\d\{1,2}\s\+\%(januari\|februari\|maart\|april\|mei\|juni\|juli\|augustus\|september\|oktober\|november\|december\)\s\+\d\{4}\>"
syntax match vraagCitation "\<\%(\%(mijn\|de\)\_s\+\)\?\%(\%(schriftelijke\_s\+\)\?vraag\%(\_s\+om\_s\+uitleg\)\?\|SV\)\_s\+nr\.\_s*\d\+\%(\_s\+van\_s\+\%(\d\{1,2}\_s\+\a\+\_s\+\d\{4}\|\d\{1,2}[/-]\d\{1,2}[/-]\d\{4}\)\)\?" contains=vraagDate

highlight default link vraagHeaderKey Keyword
highlight default link vraagTitle Title
highlight default link vraagNumber Number
highlight default link vraagSubItem Constant
highlight default link vraagCitation Underlined
highlight default link vraagDate Special

let b:current_syntax = "vraag"
