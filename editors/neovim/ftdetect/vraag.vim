" Vraagbaak: *.vraag files are written questions (filetype vraag).
autocmd BufRead,BufNewFile *.vraag setfiletype vraag
