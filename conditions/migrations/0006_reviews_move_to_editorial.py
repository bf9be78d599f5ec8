# The clinical review (PageReview) and the content health report moved to the editorial app.
# Only Django's record of the models moves: the table stays conditions_pagereview.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('conditions', '0005_longer_main_risks'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ContentHealth'),
                migrations.DeleteModel(name='PageReview'),
            ],
        ),
    ]
